// ESLint's and typescript-eslint's recommended rules; Prettier owns the layout (eslint-config-prettier turns off what it decides).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "build/", "docs/", "cdktf.out/", "coverage/", "test/tmp/", "test/fixtures/", "**/*.d.ts"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  { languageOptions: { globals: globals.node } },
  // The typed workloads' props interfaces name what each class accepts, over one base each.
  { rules: { "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }] } },
  // Tests read synthesized Terraform JSON and parsed documents of any shape, and assert on what they find.
  { files: ["test/**/*.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  // The bin script, jest's configs and the boot sandbox's stub are plain CommonJS.
  { files: ["**/*.js"], languageOptions: { sourceType: "commonjs" }, rules: { "@typescript-eslint/no-require-imports": "off" } },
);
