import { requireEditor } from "@/lib/auth/request.server";
import { previewFigureCard } from "@/lib/review/preview-pages.server";

type Context = { params: Promise<{ id: string; figure: string }> };

/** `/embed/figure/<figure>` as readers will see it with held change <id>: for editors only. */
export async function GET(request: Request, { params }: Context) {
  await requireEditor();
  const { id, figure } = await params;
  return previewFigureCard(Number(id), figure, new URL(request.url).searchParams);
}
