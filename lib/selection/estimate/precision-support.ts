import { GpuModel } from "../../taxonomy/gpu-model";
import { ModelMode } from "../../taxonomy/workload-profile";
import { Precision } from "./model-usage";

/**
 * How a GPU runs a precision:
 * - native: its tensor cores compute in it (or, for int4, the standard weight-only kernels run at full speed);
 * - emulated: it runs as another format of the same size (bf16 as fp16 before Ampere);
 * - weight-only: weights are stored in it but the math is 16-bit (fp8 on Ampere: W8A16);
 * - unsupported: no kernel runs it.
 */
export type PrecisionSupport = "native" | "emulated" | "weight-only" | "unsupported";

/** How one GPU runs the precision asked for, and the sentence that says so. */
export interface PrecisionVerdict {
  /** The precision asked for. */
  readonly precision: Precision;
  /** Native, emulated, weight-only or unsupported on this GPU. */
  readonly support: PrecisionSupport;
  /** What the GPU computes in, when not the precision asked for. */
  readonly runsAs?: Precision;
  /** One sentence for the decision's reason and the CLI. */
  readonly note: string;
}

/**
 * Compute capability thresholds, from NVIDIA's CUDA GPUs table and architecture whitepapers (bf16 tensor cores from
 * Ampere 8.0; fp8 from Ada 8.9 and Hopper 9.0; int8 tensor cores from Turing 7.5) and vLLM's quantization hardware
 * table (docs/features/quantization/supported_hardware: FP8 W8A8 needs 8.9, FP8 W8A16 via Marlin and AWQ/GPTQ Marlin
 * kernels need 8.0, AWQ and GPTQ need at least 7.5, INT8 W8A8 7.5). vLLM with dtype "auto" falls back from bfloat16 to
 * float16 on GPUs below 8.0, with a warning ("Your device ... doesn't support ... Falling back to ...").
 */
const CC = { bf16: 8.0, fp8: 8.9, fp4: 10.0, marlin: 8.0, int8: 7.5, awq: 7.5 } as const;

export function precisionSupport(precision: Precision, gpu: GpuModel, mode: ModelMode): PrecisionVerdict {
  const cc = Number(gpu.computeCapability);
  const at = `${gpu.name} (compute capability ${gpu.computeCapability})`;
  switch (precision) {
    case "fp32":
    case "fp16":
      return { precision, support: "native", note: `${precision} runs natively on ${at}` };
    case "bf16":
      return cc >= CC.bf16
        ? { precision, support: "native", note: `bf16 runs natively on ${at}` }
        : { precision, support: "emulated", runsAs: "fp16", note: `bf16 runs as fp16 on ${at}: same bytes, bf16 needs compute capability 8.0` };
    case "fp8":
      if (mode !== "inference") {
        return cc >= CC.fp8
          ? { precision, support: "native", note: `fp8 frozen weights run natively on ${at}` }
          : { precision, support: "unsupported", note: `fp8 frozen weights need compute capability 8.9 (Ada, Hopper, Blackwell); ${at} has none` };
      }
      if (cc >= CC.fp8) return { precision, support: "native", note: `fp8 runs natively (W8A8) on ${at}` };
      if (cc >= CC.marlin)
        return { precision, support: "weight-only", runsAs: "bf16", note: `fp8 runs weight-only (W8A16, Marlin) on ${at}: fp8 compute needs 8.9` };
      return { precision, support: "unsupported", note: `fp8 needs compute capability 8.0 (weight-only) or 8.9 (native); ${at} has neither` };
    case "int8":
      return cc >= CC.int8
        ? { precision, support: "native", note: `int8 (W8A8) runs natively on ${at}` }
        : { precision, support: "unsupported", note: `int8 (W8A8) needs compute capability 7.5; ${at} is below` };
    case "fp4":
      // vLLM's quantization table: NVFP4 W4A4 on Blackwell (10.0, 12.0); NVFP4/MXFP4 weight-only through Marlin from 8.0.
      if (mode !== "inference")
        return { precision, support: "unsupported", note: `fp4 (NVFP4/MXFP4) is an inference format; fine-tune from bf16, fp8 or int4 (QLoRA) weights` };
      if (cc >= CC.fp4) return { precision, support: "native", note: `fp4 (NVFP4/MXFP4) runs natively on ${at}` };
      if (cc >= CC.marlin)
        return { precision, support: "weight-only", runsAs: "bf16", note: `fp4 runs weight-only (W4A16, Marlin) on ${at}: fp4 compute needs Blackwell (10.0)` };
      return { precision, support: "unsupported", note: `fp4 needs compute capability 8.0 (weight-only) or 10.0 (native); ${at} has neither` };
    case "int4":
      if (mode !== "inference") {
        // QLoRA: bitsandbytes NF4 dequantizes each layer to 16-bit for the matmul on any CUDA GPU.
        return { precision, support: "native", note: `int4 (NF4) frozen weights run on ${at}, dequantized per layer (bitsandbytes)` };
      }
      if (cc >= CC.marlin)
        return { precision, support: "native", note: `int4 runs weight-only (W4A16) with Marlin kernels on ${at}, the standard for AWQ/GPTQ` };
      if (cc >= CC.awq) return { precision, support: "emulated", note: `int4 runs on ${at} without Marlin kernels (they need 8.0): slower AWQ/GPTQ kernels` };
      return { precision, support: "unsupported", note: `int4 (AWQ/GPTQ) needs compute capability 7.5; ${at} is below` };
  }
}
