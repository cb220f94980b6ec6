import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDataset, type Dataset } from "./dataset";

/** The dataset shipped with the project (a copy of the checked shared dataset). */
export const DATASET_FILE = path.join("prisma", "data", "reported-figures.json");
export const FOUNDING_ARTICLE_FILE = path.join("prisma", "data", "seed-article.txt");

export function loadDataset(file: string = DATASET_FILE): Dataset {
  return parseDataset(JSON.parse(readFileSync(path.resolve(file), "utf8")));
}
