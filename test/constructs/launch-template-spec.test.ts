import { launchTemplateConfig } from "../../lib/constructs/private/launch-template";
import { launchTemplateSpec } from "../../lib/specs/launch-template";

const props = {
  namePrefix: "chat-",
  description: "cdktf-gpu-workloads RealtimeInference app/chat on g5.xlarge",
  containersUseInstanceRole: false,
  instanceType: "g5.xlarge",
  imageId: "resolve:ssm:/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id",
  rootDeviceName: "/dev/sda1",
  rootVolume: { sizeGiB: 95, throughputMiBps: 125, iops: 3000 },
  network: { securityGroupId: "sg-0abc1234", efaInterfaces: 0 },
  capacityBlock: false,
  userData: "#!/bin/bash\necho ready\n",
  tags: { team: "search" },
  preconditions: [],
};

describe("the launch template as a framework-free spec, rendered for cdktf", () => {
  test("the spec is plain data: JSON round-trips it, and the user data is text", () => {
    const spec = launchTemplateSpec("app/chat", props);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(spec.userData).toBe(props.userData);
    expect(spec.metadataOptions).toEqual({ httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" });
    expect(spec.networkInterfaces).toEqual([
      { securityGroups: ["sg-0abc1234"], deleteOnTermination: "true", deviceIndex: 0, associatePublicIpAddress: "false" },
    ]);
  });

  test("the renderer changes only the user data's encoding", () => {
    const spec = launchTemplateSpec("app/chat", props);
    const config = launchTemplateConfig(spec);
    expect(Buffer.from(config.userData!, "base64").toString("utf8")).toBe(props.userData);
    expect({ ...config, userData: undefined }).toEqual({ ...spec, userData: undefined });
  });
});
