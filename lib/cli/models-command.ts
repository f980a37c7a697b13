import { DEFAULT_TAXONOMY } from "../taxonomy/taxonomy";
import { JSON_FLAG } from "./args";
import { command } from "./command";
import { renderTable, withNotes } from "./table";

export const modelsCommand = command({
  name: "models",
  summary: "the model catalog: parameters, context, shapes and sources",
  usage: "gpu-workloads models [--json]",
  flags: { json: JSON_FLAG },
  examples: ["gpu-workloads models", "gpu-workloads models --json"],
  run() {
    const models = DEFAULT_TAXONOMY.models;
    const text = renderTable(
      ["model", "kind", "params B", "active B", "context", "layers", "hidden", "KV", "vocab"],
      models.map((m) =>
        m.kind === "llm"
          ? [
              m.name,
              m.moe ? `MoE ${m.moe.expertsPerToken}/${m.moe.experts}` : "llm",
              m.paramsBillion,
              m.activeParamsBillion ?? "-",
              m.contextLengthTokens,
              m.layers,
              m.hiddenSize,
              m.kvHeads,
              m.vocabSize,
            ]
          : m.kind === "embedding"
            ? [m.name, m.task, m.paramsBillion, "-", m.contextLengthTokens, m.layers, m.hiddenSize, "-", "-"]
            : m.kind === "speech"
              ? [m.name, "speech", m.paramsBillion, "-", "-", `${m.encoderLayers}+${m.decoderLayers}`, m.hiddenSize, "-", "-"]
              : [m.name, "diffusion", m.paramsBillion, "-", "-", "-", "-", "-", "-"],
      ),
    );
    const notes = [
      "kind: llm, MoE k/n (a mixture-of-experts llm, k of its n experts per token), embedding, rerank, speech or diffusion; layers: a speech model's encoder+decoder; KV: key-value heads.",
      `${models.length} models; --json prints every field with its sources. Any alias works with --model (e.g. "meta-llama/Llama-3.1-8B-Instruct").`,
    ];
    return { json: models, text: withNotes(text, notes) };
  },
});
