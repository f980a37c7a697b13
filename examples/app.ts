import { App } from "cdktf";
import { BatchProcessing, GpuPlatform, ImageGeneration, RealtimeInference, Training } from "../lib";
import { TeamStack } from "./team-stack";

/** The example organization: one platform definition shared by four team stacks. */
export function buildExampleApp(app: App): App {
  // Region, tags and what the organization allows, set once for every team.
  const platform = new GpuPlatform(app, "platform", {
    region: "us-east-1",
    tags: { CostCenter: "ml-platform" },
    policy: {
      allowedGpus: ["T4", "L4", "A10G", "L40S", "A100-80GB", "H100"],
      maxUsdPerHourPerWorkload: 60,
      allowedPurchaseOptions: ["on-demand", "spot", "capacity-block"],
    },
  });

  const chat = new TeamStack(app, "chat", platform);
  new RealtimeInference(chat, "assistant", {
    network: chat.network,
    model: "llama-3.1-8b",
    usage: { contextTokens: 8192, concurrency: 2 },
    replicas: { min: 2, max: 4 },
    allowFrom: [{ cidr: "10.0.0.0/16", port: 8000, description: "internal API clients of the chat model server" }],
  });

  const research = new TeamStack(app, "research", platform);
  new Training(research, "pretrain", { network: research.network });

  const media = new TeamStack(app, "media", platform);
  new ImageGeneration(media, "sdxl", { network: media.network, model: "sdxl" });

  const analytics = new TeamStack(app, "analytics", platform);
  new BatchProcessing(analytics, "embeddings", { network: analytics.network });

  return app;
}
