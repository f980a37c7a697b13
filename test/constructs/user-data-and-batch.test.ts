import { TerraformVariable } from "cdktf";
import { BatchProcessing, RealtimeInference, Training } from "../../lib";
import { MAX_USER_DATA_BYTES } from "../../lib/constructs/private/user-data";
import { NETWORK, only, resourcesOf, synthStack } from "./synth";

/** Splits a MIME multi-part document the way cloud-init does: by the boundary its header declares. */
function mimeParts(document: string): { boundary: string; parts: { type: string; body: string }[] } {
  const boundary = /boundary="([^"]+)"/.exec(document.split("\n")[0])![1];
  const chunks = document.split(`\n--${boundary}`).slice(1);
  const parts = chunks
    .filter((c) => !c.startsWith("--"))
    .map((c) => {
      const [headers, ...body] = c.replace(/^\n/, "").split("\n\n");
      return { type: /Content-Type: ([^;\n]+)/i.exec(headers)![1], body: body.join("\n\n") };
    });
  return { boundary, parts };
}

const userDataOf = (json: ReturnType<typeof synthStack>) => Buffer.from(only(json, "aws_launch_template").user_data, "base64").toString();
const gpuFleet = (userData?: string) => synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, replicas: { min: 1, max: 3 }, userData }));

describe("user data is composed by format", () => {
  test("a single instance gets the user's text unchanged", () => {
    const json = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, userData: "#cloud-config\npackages: [jq]\n" }));
    expect(userDataOf(json)).toBe("#cloud-config\npackages: [jq]\n");
  });

  test("a user's MIME document is taken apart, not run as a shell script", () => {
    const mime =
      'Content-Type: multipart/mixed; boundary="USER"\nMIME-Version: 1.0\n\n--USER\nContent-Type: text/cloud-config\n\n#cloud-config\npackages: [jq]\n--USER\nContent-Type: text/x-shellscript\n\n#!/bin/bash\necho two\n--USER--\n';
    const { boundary, parts } = mimeParts(userDataOf(gpuFleet(mime)));
    expect(boundary).not.toBe("USER");
    // The library's parts first (its shared helpers, then the metrics agent), then the user's, each whole.
    expect(parts.map((p) => p.type)).toEqual(["text/x-shellscript", "text/x-shellscript", "text/cloud-config", "text/x-shellscript"]);
    expect(parts[0].body).toMatch(/^cat > \/opt\/gpu-workloads\/lib.sh/m);
    expect(parts[1].body).toMatch(/amazon-cloudwatch-agent-ctl/);
    expect(parts[2].body).toBe("#cloud-config\npackages: [jq]");
    expect(parts[3].body).toBe("#!/bin/bash\necho two");
  });

  test("a part cannot close the document early: the boundary is derived from the content and never in it", () => {
    const hostile = "#!/bin/bash\necho start\n--==GPU-WORKLOADS-BOUNDARY==--\n--==gpu-workloads-000000000000000000000000==--\necho end\n";
    const document = userDataOf(gpuFleet(hostile));
    const { boundary, parts } = mimeParts(document);
    expect(parts).toHaveLength(3);
    expect(hostile).not.toContain(boundary);
    expect(parts[2].body).toBe(hostile.replace(/\n$/, ""));
    // Deterministic: the same input, the same document.
    expect(userDataOf(gpuFleet(hostile))).toBe(document);
  });

  test("AWS Batch launch templates get MIME multi-part user data, even for one plain script", () => {
    const json = synthStack(
      (s) => new BatchProcessing(s, "w", { network: NETWORK, userData: "#!/bin/bash\necho batch\n", batch: { maxVcpus: 8, job: { image: "busybox:1.36" } } }),
    );
    const { parts } = mimeParts(userDataOf(json));
    expect(parts).toEqual([{ type: "text/x-shellscript", body: "#!/bin/bash\necho batch" }]);
    const none = synthStack((s) => new BatchProcessing(s, "w", { network: NETWORK, batch: { maxVcpus: 8, job: { image: "busybox:1.36" } } }));
    expect(only(none, "aws_launch_template").user_data).toBeUndefined();
  });

  test.each([
    ["more than 16 KB", `#!/bin/bash\n${"x".repeat(MAX_USER_DATA_BYTES)}`, /userData is "\d+ bytes with the library's parts"; EC2 runs at most 16384 bytes/],
    ["a format that cannot be combined", "echo no shebang", /userData is "echo no shebang"; start it with "#!"/],
    ["MIME without a boundary", "Content-Type: multipart/mixed\n\n--x\n\nhi\n--x--\n", /give the multi-part document's boundary/],
  ])("%s is refused", (_name, userData, message) => {
    expect(() => gpuFleet(userData)).toThrow(message);
  });

  test("too large is refused even where nothing is combined", () => {
    expect(() => synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, userData: `#!/bin/bash\n${"x".repeat(MAX_USER_DATA_BYTES)}` }))).toThrow(
      /EC2 runs at most 16384 bytes/,
    );
  });

  test("a Terraform reference passes through alone, and is refused where it would be combined", () => {
    const single = synthStack((s) => new RealtimeInference(s, "w", { network: NETWORK, userData: new TerraformVariable(s, "ud", {}).stringValue }));
    expect(only(single, "aws_launch_template").user_data).toBe("${base64encode(var.ud)}");
    expect(() =>
      synthStack(
        (s) => new RealtimeInference(s, "w", { network: NETWORK, replicas: { min: 1, max: 2 }, userData: new TerraformVariable(s, "ud", {}).stringValue }),
      ),
    ).toThrow(/userData is a Terraform token; give a literal value: it is combined with the GPU metrics agent the fleet scales on; or set fleet.scalingMetric/);
    // With a metric the user reports, nothing is combined: the reference is fine.
    const custom = synthStack(
      (s) =>
        new RealtimeInference(s, "w", {
          network: NETWORK,
          replicas: { min: 1, max: 2 },
          fleet: { scalingMetric: { namespace: "vLLM", metricName: "num_requests_waiting" } },
          userData: new TerraformVariable(s, "ud", {}).stringValue,
        }),
    );
    expect(only(custom, "aws_launch_template").user_data).toBe("${base64encode(var.ud)}");
    expect(() =>
      synthStack(
        (s) =>
          new BatchProcessing(s, "w", {
            network: NETWORK,
            userData: new TerraformVariable(s, "ud", {}).stringValue,
            batch: { maxVcpus: 8, job: { image: "x:1" } },
          }),
      ),
    ).toThrow(/AWS Batch needs it as MIME multi-part/);
  });
});

describe("least privilege for containers", () => {
  const json = synthStack(
    (s) =>
      new BatchProcessing(s, "jobs", {
        network: NETWORK,
        batch: { maxVcpus: 16, job: { image: "busybox:1.36", readonlyRootFilesystem: true, user: "1000:1000" } },
      }),
  );

  test("AWS Batch: IMDS hop limit 1, so job containers cannot reach the instance role", () => {
    expect(only(json, "aws_launch_template").metadata_options).toMatchObject({ http_tokens: "required", http_put_response_hop_limit: 1 });
  });

  test("jobs run with their own role, trusted by ECS tasks, with no policies; no execution role", () => {
    const roles = resourcesOf(json, "aws_iam_role");
    const jobRole = roles.find((r) => JSON.parse(r.assume_role_policy).Statement[0].Principal.Service === "ecs-tasks.amazonaws.com")!;
    expect(jobRole).toBeDefined();
    const jobRoleName = Object.entries(json.resource.aws_iam_role).find(([, r]) => r === jobRole)![0];
    const attachments = resourcesOf(json, "aws_iam_role_policy_attachment").map((a) => a.role as string);
    expect(attachments.some((role) => role.includes(jobRoleName))).toBe(false);
    const container = JSON.parse(only(json, "aws_batch_job_definition").container_properties);
    expect(container.jobRoleArn).toBe(`\${aws_iam_role.${jobRoleName}.arn}`);
    expect(container.executionRoleArn).toBeUndefined();
    expect(container).toMatchObject({ readonlyRootFilesystem: true, user: "1000:1000", privileged: false });
  });

  test("instances, fleets and clusters: hop limit 1 unless the containers were given the instance role", () => {
    const hopLimits = (json: ReturnType<typeof synthStack>) =>
      ["aws_launch_template", "aws_instance"].flatMap((type) => resourcesOf(json, type).map((r) => r.metadata_options.http_put_response_hop_limit));
    const fenced = synthStack((s) => {
      new RealtimeInference(s, "w", { network: NETWORK });
      new RealtimeInference(s, "fleet", { network: NETWORK, replicas: { min: 1, max: 2 } });
      new Training(s, "cluster", { network: NETWORK, nodes: 2 });
    });
    expect(new Set(hopLimits(fenced))).toEqual(new Set([1]));
    const open = synthStack((s) => {
      new RealtimeInference(s, "w", { network: NETWORK, containersUseInstanceRole: true });
      new Training(s, "cluster", { network: NETWORK, nodes: 2, containersUseInstanceRole: true });
    });
    expect(new Set(hopLimits(open))).toEqual(new Set([2]));
  });

  test("the job role is assumed by ECS for this account's tasks in this region only (confused deputy)", () => {
    const jobRole = resourcesOf(json, "aws_iam_role").find((r) => r.assume_role_policy.includes("ecs-tasks.amazonaws.com"))!;
    const account = expect.stringMatching(/^\$\{data\.aws_caller_identity\.gpu-workloads-account\.account_id\}$/);
    expect(JSON.parse(jobRole.assume_role_policy).Statement[0].Condition).toEqual({
      StringEquals: { "aws:SourceAccount": account },
      ArnLike: { "aws:SourceArn": expect.stringMatching(/^arn:aws:ecs:us-east-1:\$\{data\.aws_caller_identity\.gpu-workloads-account\.account_id\}:\*$/) },
    });
  });

  test("AWS Batch refuses containersUseInstanceRole: its jobs have their own role", () => {
    expect(() =>
      synthStack(
        (s) => new BatchProcessing(s, "jobs", { network: NETWORK, containersUseInstanceRole: true, batch: { maxVcpus: 16, job: { image: "busybox:1" } } }),
      ),
    ).toThrow(/containersUseInstanceRole is true; AWS Batch jobs run with their own role/);
  });

  test("the decision's tags stay off what Batch launches (any of its instance types)", () => {
    const ce = only(json, "aws_batch_compute_environment");
    expect(ce.compute_resources.tags).not.toHaveProperty("gpu-workloads:instance-type");
    expect(ce.tags).toHaveProperty("gpu-workloads:instance-type", "g4dn.xlarge");
  });
});
