import { requireEditor } from "@/lib/auth/request.server";
import { previewChartEmbed } from "@/lib/review/preview-pages.server";

type Context = { params: Promise<{ id: string; slug: string }> };

/** `/embed/<chart>` as readers will see it with held change <id>: for editors only. */
export async function GET(request: Request, { params }: Context) {
  await requireEditor();
  const { id, slug } = await params;
  return previewChartEmbed(Number(id), slug, new URL(request.url).searchParams);
}
