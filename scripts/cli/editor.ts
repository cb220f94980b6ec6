/**
 * `npm run editor -- <command>`: manage editors from the command line, against DATABASE_URL.
 * Passwords are generated and printed once (or taken from NEW_PASSWORD), never read from the
 * command line, where they would land in the shell's history.
 */
import {
  addEditor,
  disableEditor,
  EditorError,
  enableEditor,
  generatePassword,
  resetPassword,
} from "@/lib/auth/editors.server";
import { configuredSealingKeys, rotateSealingKey } from "@/lib/auth/sealed-secrets.server";
import { resetSecondFactor } from "@/lib/auth/second-factor.server";
import { createPrismaClient } from "@/lib/db/client.server";
import { env } from "@/lib/env.server";

const USAGE = `Usage:
  npm run editor -- add <email> <name> [--admin]   add an editor (or an admin)
  npm run editor -- disable <email>                 disable an editor and end their sessions
  npm run editor -- enable <email>                  let a disabled editor sign in again
  npm run editor -- reset <email>                   set a new password and end their sessions
  npm run editor -- reset-second-factor <email>     turn off their second factor (lost phone) and end their sessions
  npm run editor -- list                            list the editors
  npm run editor -- rotate-key                      seal every second-factor secret again under SECRETS_KEY
                                                    (with the keys it replaces in SECRETS_OLD_KEYS)
The new password is generated and printed once, unless NEW_PASSWORD is set.`;

async function main(): Promise<number> {
  const [command, email, ...rest] = process.argv.slice(2);
  const db = createPrismaClient(env().DATABASE_URL);
  const password = () => process.env.NEW_PASSWORD || generatePassword();
  const announce = (what: string, secret: string) =>
    console.log(process.env.NEW_PASSWORD ? what : `${what}\n  password: ${secret}\n(shown only this once)`);
  try {
    switch (command) {
      case "add": {
        const admin = rest.includes("--admin");
        const name = rest.filter((word) => word !== "--admin").join(" ");
        if (!email || !name) break;
        const secret = password();
        const editor = await addEditor(db, { email, name, role: admin ? "admin" : "editor", password: secret });
        announce(`Added ${editor.role} ${editor.email} (${editor.name}).`, secret);
        return 0;
      }
      case "disable": {
        if (!email) break;
        const editor = await disableEditor(db, email);
        console.log(`Disabled ${editor.email}; their sessions have ended.`);
        return 0;
      }
      case "enable": {
        if (!email) break;
        const editor = await enableEditor(db, email);
        console.log(`Enabled ${editor.email}.`);
        return 0;
      }
      case "reset": {
        if (!email) break;
        const secret = password();
        const editor = await resetPassword(db, email, secret);
        announce(`New password set for ${editor.email}; their sessions have ended.`, secret);
        return 0;
      }
      case "reset-second-factor": {
        if (!email) break;
        const outcome = await resetSecondFactor(db, null, email);
        (outcome.status === "done" ? console.log : console.error)(outcome.message);
        return outcome.status === "done" ? 0 : 1;
      }
      case "rotate-key": {
        const keys = configuredSealingKeys();
        if (!keys) {
          console.error("Set SECRETS_KEY to the new key, and SECRETS_OLD_KEYS to the keys it replaces.");
          return 1;
        }
        const { resealed } = await rotateSealingKey(db, keys);
        console.log(
          `Sealed ${resealed} second-factor secret${resealed === 1 ? "" : "s"} again under key ${keys.current.id}. ` +
            "Every secret now opens with SECRETS_KEY alone: SECRETS_OLD_KEYS can be emptied.",
        );
        return 0;
      }
      case "list": {
        const editors = await db.editor.findMany({
          orderBy: { email: "asc" },
          select: { email: true, name: true, role: true, disabledAt: true, totpEnabledAt: true },
        });
        for (const editor of editors) {
          const access = editor.disabledAt ? "disabled" : "active";
          // Who holds a sealed secret: the ones to reset if the sealing key is ever lost.
          const secondFactor = editor.totpEnabledAt ? "second factor" : "password only";
          console.log(`${editor.email}\t${editor.role}\t${access}\t${secondFactor}\t${editor.name}`);
        }
        return 0;
      }
    }
    console.error(USAGE);
    return 1;
  } catch (error) {
    if (error instanceof EditorError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
