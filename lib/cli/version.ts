import * as fs from "fs";
import * as path from "path";

/**
 * The version of the package this file was installed with: the nearest package.json above it. That is the
 * repository's from dist/lib/cli, the installed package's in node_modules, and build/cdktn's own in the
 * CDK Terrain build, whose compiled files sit at the same depth under a package.json of their own.
 */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) return String(JSON.parse(fs.readFileSync(manifest, "utf8")).version);
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
