import { describe, expect, it } from "vitest";
import {
  checkedAddEditor,
  checkedResetPassword,
  checkedSaveRecord,
  checkedSetEditorAccess,
} from "@/lib/admin/checked.server";
import { ADMINS_ONLY_MESSAGE, SIGNED_OUT_MESSAGE } from "@/lib/auth/guard.server";
import { findSignedInEditor } from "@/lib/auth/sessions.server";
import { signIn } from "@/lib/auth/sign-in.server";
import { databaseWithEditors, PASSWORD } from "../support/signed-in";

const { database, editors } = databaseWithEditors({
  editors: {
    chief: { email: "chief@example.org", name: "Chief", role: "admin" },
    writer: { email: "writer@example.org", name: "Writer", role: "editor" },
  },
});

describe("managing editors", () => {
  it("is refused to an editor who is not an admin, changing nothing", async () => {
    const input = { email: "new@example.org", name: "New", role: "admin", password: PASSWORD };
    expect(await checkedAddEditor(database.prisma, editors.writer.token, input)).toEqual({
      status: "refused",
      message: ADMINS_ONLY_MESSAGE,
    });
    expect(
      await checkedSetEditorAccess(database.prisma, editors.writer.token, {
        email: "chief@example.org",
        access: "disable",
      }),
    ).toEqual({
      status: "refused",
      message: ADMINS_ONLY_MESSAGE,
    });
    expect(
      await checkedResetPassword(database.prisma, editors.writer.token, {
        email: "chief@example.org",
        password: "taken over by writer",
      }),
    ).toEqual({
      status: "refused",
      message: ADMINS_ONLY_MESSAGE,
    });
    expect(await database.prisma.editor.count()).toBe(2);
    expect(
      (
        await signIn(database.prisma, {
          email: "chief@example.org",
          password: PASSWORD,
          address: null,
          userAgent: null,
        })
      ).ok,
    ).toBe(true);
  });

  it("is refused without a session", async () => {
    expect(
      await checkedAddEditor(database.prisma, null, {
        email: "x@example.org",
        name: "X",
        role: "editor",
        password: PASSWORD,
      }),
    ).toEqual({
      status: "refused",
      message: SIGNED_OUT_MESSAGE,
    });
  });

  it("checks the new editor's fields, each with its message", async () => {
    const outcome = await checkedAddEditor(database.prisma, editors.chief.token, {
      email: "not an email",
      name: "",
      role: "owner",
      password: "short",
    });
    expect(outcome.status).toBe("invalid");
    expect(outcome.status === "invalid" && Object.keys(outcome.fieldErrors).sort()).toEqual([
      "email",
      "name",
      "password",
      "role",
    ]);
    expect(await database.prisma.editor.count()).toBe(2);
  });

  it("lets an admin add an editor, who can then sign in", async () => {
    const outcome = await checkedAddEditor(database.prisma, editors.chief.token, {
      email: "Reporter@Example.org",
      name: "Reporter",
      role: "editor",
      password: PASSWORD,
    });
    expect(outcome.status).toBe("done");
    expect(
      (
        await signIn(database.prisma, {
          email: "reporter@example.org",
          password: PASSWORD,
          address: null,
          userAgent: null,
        })
      ).ok,
    ).toBe(true);
    const again = await checkedAddEditor(database.prisma, editors.chief.token, {
      email: "reporter@example.org",
      name: "Again",
      role: "editor",
      password: PASSWORD,
    });
    expect(again.status).toBe("invalid");
  });

  it("ends a disabled editor's sessions at once, so their next save is refused", async () => {
    const outcome = await checkedSetEditorAccess(database.prisma, editors.chief.token, {
      email: "writer@example.org",
      access: "disable",
    });
    expect(outcome.status).toBe("done");
    expect(await findSignedInEditor(database.prisma, editors.writer.token)).toBeNull();
    expect(await checkedSaveRecord(database.prisma, editors.writer.token, { recordType: "source" })).toEqual({
      status: "refused",
      message: SIGNED_OUT_MESSAGE,
    });
    expect(
      await checkedSetEditorAccess(database.prisma, editors.chief.token, {
        email: "writer@example.org",
        access: "enable",
      }),
    ).toMatchObject({ status: "done" });
    expect(
      (
        await signIn(database.prisma, {
          email: "writer@example.org",
          password: PASSWORD,
          address: null,
          userAgent: null,
        })
      ).ok,
    ).toBe(true);
  });

  it("does not let an admin disable their own account", async () => {
    const outcome = await checkedSetEditorAccess(database.prisma, editors.chief.token, {
      email: "chief@example.org",
      access: "disable",
    });
    expect(outcome.status).toBe("refused");
    expect(await findSignedInEditor(database.prisma, editors.chief.token)).not.toBeNull();
  });

  it("resets a password, ending the editor's sessions", async () => {
    const session = await signIn(database.prisma, {
      email: "reporter@example.org",
      password: PASSWORD,
      address: null,
      userAgent: null,
    });
    if (!session.ok) throw new Error("sign-in failed");
    expect(
      (
        await checkedResetPassword(database.prisma, editors.chief.token, {
          email: "reporter@example.org",
          password: "short",
        })
      ).status,
    ).toBe("invalid");
    expect(
      (
        await checkedResetPassword(database.prisma, editors.chief.token, {
          email: "reporter@example.org",
          password: "a new long password",
        })
      ).status,
    ).toBe("done");
    expect(await findSignedInEditor(database.prisma, session.token)).toBeNull();
    expect(
      (
        await signIn(database.prisma, {
          email: "reporter@example.org",
          password: "a new long password",
          address: null,
          userAgent: null,
        })
      ).ok,
    ).toBe(true);
  });

  it("records who added, disabled, enabled and reset an editor in the history, and never a password", async () => {
    const admin = await database.prisma.editor.findUniqueOrThrow({ where: { email: "chief@example.org" } });
    const password = "an audited long password";
    await checkedAddEditor(database.prisma, editors.chief.token, {
      email: "audited@example.org",
      name: "Audited",
      role: "editor",
      password,
    });
    await checkedSetEditorAccess(database.prisma, editors.chief.token, {
      email: "audited@example.org",
      access: "disable",
    });
    await checkedSetEditorAccess(database.prisma, editors.chief.token, {
      email: "audited@example.org",
      access: "enable",
    });
    await checkedResetPassword(database.prisma, editors.chief.token, {
      email: "audited@example.org",
      password: "another long password",
    });

    const audited = await database.prisma.editor.findUniqueOrThrow({ where: { email: "audited@example.org" } });
    const history = await database.prisma.revision.findMany({
      where: { recordType: "editor", recordId: audited.id },
      orderBy: { id: "asc" },
    });
    expect(history.map((revision) => [revision.editorId, revision.action, revision.after])).toEqual([
      [admin.id, "create", JSON.stringify({ Email: "audited@example.org", Name: "Audited", Role: "editor" })],
      [admin.id, "update", JSON.stringify({ Access: "disabled" })],
      [admin.id, "update", JSON.stringify({ Access: "can sign in" })],
      [admin.id, "update", JSON.stringify({ Password: "a new one" })],
    ]);
    const written = JSON.stringify(history);
    for (const secret of [password, "another long password", audited.passwordHash])
      expect(written).not.toContain(secret);
  });
});
