import { App, Aspects, TerraformVariable } from "cdktf";
import { BatchProcessing, BudgetGuard, GpuPlatform, ImageGeneration, RealtimeInference, Serving, Training } from "../lib";
import { TeamStack } from "./team-stack";

/** The Secrets Manager secret that holds your Hugging Face token (a placeholder: the account id and name are yours). */
const HUGGING_FACE_TOKEN_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:hugging-face-token-AbCdEf";

/** The Secrets Manager secret that holds the key the chat endpoint's clients send (a placeholder, like the one above). */
const CHAT_API_KEY_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:chat-api-key-AbCdEf";

/** AWS's PyTorch training Deep Learning Container for EC2 (EFA and aws-ofi-nccl included), pulled from AWS's registry. */
const PYTORCH_TRAINING_IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312-cu129-ubuntu22.04-ec2";

/** The example organization: one platform definition shared by four team stacks, under a budget. */
export function buildExampleApp(app: App): App {
  // Region, tags and what the organization allows, set once for every team.
  const platform = new GpuPlatform(app, "platform", {
    region: "us-east-1",
    tags: { CostCenter: "ml-platform" },
    policy: {
      allowedGpus: ["T4", "L4", "A10G", "L40S", "A100-80GB", "H100"],
      maxUsdPerHourPerWorkload: 120,
      allowedPurchaseOptions: ["on-demand", "spot", "capacity-block"],
    },
  });
  // Synth fails if the teams together could spend more than this per month.
  Aspects.of(app).add(new BudgetGuard({ maxUsdPerMonthPerStack: 90_000, maxUsdPerMonthPerApp: 120_000 }));

  // A chat model server: Llama 3.1 8B on vLLM, two replicas that scale to four on GPU utilization behind an
  // internal load balancer that terminates TLS, falling back to other single-GPU types when g5.xlarge is short. Llama is
  // gated on the Hugging Face Hub: the token lives in Secrets Manager (yours: create it and put its ARN here), and so
  // does the key clients must send.
  const chat = new TeamStack(app, "chat", platform);
  const certificate = new TerraformVariable(chat, "certificate_arn", {
    type: "string",
    description: "ACM certificate (us-east-1) the chat endpoint serves TLS with",
  });
  new RealtimeInference(chat, "assistant", {
    network: chat.network,
    model: "llama-3.1-8b",
    usage: { contextTokens: 8192, concurrency: 2 },
    replicas: { min: 2, max: 4 },
    serve: Serving.vllm({
      model: "meta-llama/Llama-3.1-8B-Instruct",
      weights: { huggingFaceTokenSecretArn: HUGGING_FACE_TOKEN_SECRET },
      apiKey: CHAT_API_KEY_SECRET,
      tls: { certificateArn: certificate.stringValue },
    }),
    allowFrom: [{ cidr: "10.0.0.0/16", port: 8000, description: "internal API clients of the chat model server" }],
  });

  // Pre-training on two 8× H100 nodes joined by EFA in a cluster placement group; each node starts the job once with
  // torchrun's environment filled in, and stops when it ends (a failed job stops both). AWS's PyTorch training container
  // carries EFA and NCCL's plugin for it (an image based on it holds your train.py).
  const research = new TeamStack(app, "research", platform);
  new Training(research, "pretrain", {
    network: research.network,
    nodes: 2,
    job: { image: PYTORCH_TRAINING_IMAGE, command: ["torchrun", "/workspace/train.py"] },
  });

  const media = new TeamStack(app, "media", platform);
  new ImageGeneration(media, "sdxl", { network: media.network, model: "sdxl" });

  // Nightly embeddings on AWS Batch, spot, up to 64 vCPUs.
  const analytics = new TeamStack(app, "analytics", platform);
  const image = new TerraformVariable(analytics, "embeddings_image", { type: "string", description: "Container image of the embeddings job" });
  const input = new TerraformVariable(analytics, "input_bucket_arn", { type: "string", description: "ARN of the bucket the embeddings job reads" });
  const embeddings = new BatchProcessing(analytics, "embeddings", {
    network: analytics.network,
    batch: { maxVcpus: 64, job: { image: image.stringValue, command: ["python", "embed.py"] } },
  });
  // The jobs' own role reads the input documents, nothing else.
  embeddings.grantReadS3(input.stringValue, "documents/");

  return app;
}
