import { InferenceEngine } from "../model-usage";
import { SGLANG_ENGINE } from "./sglang";
import { ServingEngine } from "./serving-engine";
import { TENSORRT_LLM_ENGINE } from "./tensorrt-llm";
import { TRANSFORMERS_ENGINE } from "./transformers";
import { VLLM_ENGINE } from "./vllm";

/** Each engine the estimator models, by the name usage.engine gives. */
export const SERVING_ENGINES: Readonly<Record<InferenceEngine, ServingEngine>> = {
  vllm: VLLM_ENGINE,
  sglang: SGLANG_ENGINE,
  "tensorrt-llm": TENSORRT_LLM_ENGINE,
  transformers: TRANSFORMERS_ENGINE,
};
