/**
 * vLLM's tensor-parallel size for a model on an instance's GPUs: the largest that divides both the model's attention
 * heads and the GPUs. vLLM refuses any other ("Total number of attention heads (28) must be divisible by tensor parallel
 * size (8)": vllm/config/model.py ModelConfig.verify_with_parallel_config, v0.11 to 0.2x); the instance's other GPUs run
 * further copies of the model (vLLM's --data-parallel-size). KV heads fewer than the size are replicated, not refused.
 */
export function vllmTensorParallelSize(attentionHeads: number, gpus: number): number {
  for (let size = gpus; size > 1; size--) if (attentionHeads % size === 0 && gpus % size === 0) return size;
  return 1;
}
