import { RealtimeInference, Training, BatchProcessing, ImageGeneration } from "../../lib";
import { NETWORK, only, synthStack } from "./synth";

const imageOf = (json: ReturnType<typeof synthStack>) => only(json, "aws_launch_template").image_id as string;
const param = (arch: string, os: string) => `resolve:ssm:/aws/service/deeplearning/ami/${arch}/base-oss-nvidia-driver-gpu-${os}/latest/ami-id`;

describe("AMIs that boot: every family on an image that lists it as supported", () => {
  test.each([
    ["g5 (A10G)", (s: never) => new RealtimeInference(s, "w", { network: NETWORK }), param("x86_64", "ubuntu-22.04")],
    ["p6-b200 (not on Ubuntu 22.04)", (s: never) => new Training(s, "w", { network: NETWORK, gpus: ["B200"] }), param("x86_64", "amazon-linux-2023")],
    ["p6-b300", (s: never) => new Training(s, "w", { network: NETWORK, gpus: ["B300"] }), param("x86_64", "amazon-linux-2023")],
    ["g7e", (s: never) => new ImageGeneration(s, "w", { network: NETWORK, gpus: ["RTX-PRO-6000"] }), param("x86_64", "amazon-linux-2023")],
    ["g6f", (s: never) => new BatchProcessing(s, "w", { network: NETWORK, minGpuMemoryGB: 3 }), param("x86_64", "amazon-linux-2023")],
    ["g5g (arm64)", (s: never) => new BatchProcessing(s, "w", { network: NETWORK, gpus: ["T4G"] }), param("arm64", "ubuntu-22.04")],
  ])("%s defaults to the first image that supports it", (_name, build, image) => {
    expect(imageOf(synthStack((s) => build(s as never)))).toBe(image);
  });

  test("Ubuntu 24.04 is offered", () => {
    const json = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, operatingSystem: "ubuntu-24.04" }));
    expect(imageOf(json)).toBe(param("x86_64", "ubuntu-24.04"));
    expect(only(json, "aws_launch_template").block_device_mappings[0].device_name).toBe("/dev/sda1");
  });

  test("an OS whose image does not list the family is refused, naming one that does", () => {
    expect(() => synthStack((s) => new Training(s, "w", { network: NETWORK, gpus: ["B200"], operatingSystem: "ubuntu-22.04" }))).toThrow(
      /operatingSystem is "ubuntu-22.04"; the ubuntu-22.04 Deep Learning Base OSS Nvidia Driver AMI \(x86_64\) does not list p6-b200 as supported; use amazon-linux-2023/,
    );
  });

  test("V100 (p3dn) has no OSS-driver image: refused without an AMI of the user's, accepted with one", () => {
    expect(() => synthStack((s) => new Training(s, "w", { network: NETWORK, gpus: ["V100-32GB"], gpuCount: 8 }))).toThrow(
      /ami is undefined; no Deep Learning Base OSS Nvidia Driver AMI supports p3dn \(V100: NVIDIA's open kernel modules start at Turing\)/,
    );
    const json = synthStack((s) => new Training(s, "w", { network: NETWORK, gpus: ["V100-32GB"], gpuCount: 8, ami: "ami-0123456789abcdef0" }));
    expect(imageOf(json)).toBe("ami-0123456789abcdef0");
  });
});
