import { GeneratedUserData, generatedUserData, kindOf } from "./generated-user-data";
import { BootRun, Rule, Scenario, runBoot, sandboxUnavailable } from "./sandbox";

const unavailable = sandboxUnavailable();
if (unavailable) console.log(`boot sandbox: skipped (${unavailable})`);
const describeInSandbox = unavailable ? describe.skip : describe;

const dockerRuns = (run: BootRun, name: string) => run.calls.filter((c) => c.command === "docker" && c.args[0] === "run" && c.args.includes(name));
const calls = (run: BootRun, pattern: RegExp) => run.calls.filter((c) => pattern.test(c.line));
/** Calls that succeeded: what AWS or the tool did. */
const done = (run: BootRun, pattern: RegExp) => calls(run, pattern).filter((c) => c.outcome === "ok");
const lifecycle = (run: BootRun) => done(run, /^aws autoscaling complete-lifecycle-action/).map((c) => c.args.at(-1));
/** EC2 StopInstances calls that succeeded, for this instance or for the cluster's nodes (the ids its parameter lists). */
const SELF = "i-0123456789abcdef0";
const PEERS = "i-0aaa i-0bbb";
const stops = (run: BootRun, ids: string) =>
  done(run, /^aws ec2 stop-instances/).filter((c) => c.args.slice(c.args.indexOf("--instance-ids") + 1).join(" ") === ids);
const healthReports = (run: BootRun) => calls(run, /^aws cloudwatch put-metric-data/).map((c) => c.args.at(-1));
const fails = (command: string, match: string, ...outcomes: Rule["outcomes"]): Rule => ({ command, match, outcomes: outcomes.length ? outcomes : ["fail"] });

/** Every network step of the scripts, failing once: each must be retried. */
const EVERY_STEP_FAILS_ONCE: Scenario = {
  rules: [
    ["curl", "api/token"],
    ["curl", "meta-data"],
    ["curl", "amazoncloudwatch-agent"],
    ["curl", "127.0.0.1"],
    ["aws", "^secretsmanager"],
    ["aws", "^ssm"],
    ["aws", "^ecr"],
    ["aws", "^s3 sync"],
    ["aws", "^autoscaling"],
    ["aws", "^ec2 stop-instances"],
    ["docker", "^login"],
    ["docker", "^pull"],
    ["docker", "^run --rm --entrypoint python3"],
    ["apt-get", "install"],
    ["dnf", "install"],
    ["amazon-cloudwatch-agent-ctl", "fetch-config"],
  ].map(([command, match]) => fails(command, match, "fail", "ok")),
};

/** What a happy boot of each kind ends with; the same summary for every user data of that kind. */
function outcomeOf(kind: ReturnType<typeof kindOf>, run: BootRun, text: string) {
  const summary: Record<string, unknown> = { exits: [...new Set(run.exits)] };
  if (kind === "fleet-server") Object.assign(summary, { servers: dockerRuns(run, "gpu-workload").length, lifecycle: lifecycle(run) });
  if (kind === "single-server") Object.assign(summary, { servers: dockerRuns(run, "gpu-workload").length, health: healthReports(run) });
  if (kind === "job" || kind === "cluster-node") {
    Object.assign(summary, {
      jobs: dockerRuns(run, "gpu-job").length,
      shutdown: calls(run, /^shutdown -h now$/).length,
      stopsSelf: stops(run, SELF).length,
      stopsOthers: stops(run, PEERS).length,
    });
  }
  if (text.includes("amazon-cloudwatch-agent")) summary.agent = done(run, /^amazon-cloudwatch-agent-ctl -a fetch-config/).length;
  return summary;
}

function expectedOf(kind: ReturnType<typeof kindOf>, text: string) {
  const expected: Record<string, unknown> = { exits: [0] };
  const shutdown = text.includes("finish.sh") ? 1 : 0;
  if (kind === "fleet-server") Object.assign(expected, { servers: 1, lifecycle: ["CONTINUE"] });
  if (kind === "single-server") Object.assign(expected, { servers: 1, health: ["1"] });
  if (kind === "job" || kind === "cluster-node") Object.assign(expected, { jobs: 1, shutdown, stopsSelf: shutdown, stopsOthers: 0 });
  if (text.includes("amazon-cloudwatch-agent")) expected.agent = 1;
  return expected;
}

describeInSandbox("the boot sandbox: every generated script run with stub commands", () => {
  let all: GeneratedUserData[];
  const one = (kind: ReturnType<typeof kindOf>, source = /./) => all.find((u) => kindOf(u.text) === kind && source.test(u.source))!;

  beforeAll(() => {
    all = generatedUserData();
  });

  test("the apps cover every kind of boot", () => {
    const kinds = all.map((u) => kindOf(u.text));
    for (const kind of ["fleet-server", "single-server", "job", "cluster-node", "metrics-only"] as const)
      expect({ kind, count: kinds.filter((k) => k === kind).length }).toEqual({ kind, count: expect.any(Number) });
    expect(kinds.filter((k) => k === "cluster-node").length).toBeGreaterThanOrEqual(4);
    expect(kinds.filter((k) => k === "fleet-server").length).toBeGreaterThanOrEqual(2);
  });

  test("happy path: every user data of both apps reaches its server or job start (and a job's end stops its instance)", () => {
    const results = all.map((u) => ({ source: u.source, ...outcomeOf(kindOf(u.text), runBoot(u.text), u.text) }));
    expect(results).toEqual(all.map((u) => ({ source: u.source, ...expectedOf(kindOf(u.text), u.text) })));
  });

  test("every network step that fails once is retried, with a wait, and the boot still ends the same", () => {
    for (const kind of ["fleet-server", "single-server", "job", "cluster-node", "metrics-only"] as const) {
      const u = one(kind);
      const run = runBoot(u.text, EVERY_STEP_FAILS_ONCE);
      expect({ source: u.source, ...outcomeOf(kind, run, u.text) }).toEqual({ source: u.source, ...expectedOf(kind, u.text) });
      expect(calls(run, /^sleep 5$/).length).toBeGreaterThanOrEqual(3);
    }
  });

  describe("a step that keeps failing stops the start, and says so", () => {
    const permanent: [string, Rule][] = [
      ["the image pull", fails("docker", "^pull")],
      ["the Secrets Manager read", fails("aws", "^secretsmanager")],
      ["the Hugging Face download", fails("docker", "^run --rm --entrypoint python3")],
    ];

    test.each(permanent)("a fleet instance abandons its launch when %s keeps failing: no server starts", (_, rule) => {
      const run = runBoot(one("fleet-server", /chat aws_launch/).text, { rules: [rule] });
      expect({ servers: dockerRuns(run, "gpu-workload").length, lifecycle: lifecycle(run) }).toEqual({ servers: 0, lifecycle: ["ABANDON"] });
      expect(calls(run, new RegExp(`^${rule.command} ${rule.match.replace("^", "")}`)).length).toBe(5);
      expect(run.journal).toMatch(/the preparation failed; the server is not started/);
    });

    test("a fleet instance that cannot read its own instance id cannot abandon its launch: the hook's timeout does (default result ABANDON)", () => {
      const run = runBoot(one("fleet-server", /chat aws_launch/).text, { rules: [fails("curl", "meta-data/instance-id")] });
      expect({ servers: dockerRuns(run, "gpu-workload").length, lifecycle: lifecycle(run) }).toEqual({ servers: 0, lifecycle: [] });
      expect(run.journal).toMatch(/gave up after 5 attempts: curl .*meta-data\/instance-id/);
    });

    test("a single server whose image pull keeps failing reports itself unhealthy (0) for its alarm", () => {
      const run = runBoot(one("single-server").text, { rules: [fails("docker", "^pull")] });
      expect({ servers: dockerRuns(run, "gpu-workload").length, health: healthReports(run) }).toEqual({ servers: 0, health: ["0", "0"] });
    });

    test("a job whose image pull keeps failing is not started, and its node stops; on a cluster, every node stops", () => {
      for (const kind of ["job", "cluster-node"] as const) {
        const u = one(kind, /trained-dlc|tuned_instance/);
        const run = runBoot(u.text, { rules: [fails("docker", "^pull")] });
        expect({ kind, jobs: dockerRuns(run, "gpu-job").length, shutdown: calls(run, /^shutdown -h now$/).length, self: stops(run, SELF).length }).toEqual({
          kind,
          jobs: 0,
          shutdown: 1,
          self: 1,
        });
        expect(stops(run, PEERS)).toHaveLength(kind === "cluster-node" ? 1 : 0);
      }
    });
  });

  describe("secrets: nothing starts with a missing, empty or unusable value", () => {
    const served = () => one("fleet-server", /served-fleet/);

    test.each([
      ["empty", ""],
      ["None (a binary secret)", "None"],
      ["on two lines", "line one\nline two"],
    ])("a secret that is %s aborts the start", (_, secret) => {
      const run = runBoot(served().text, { secret });
      expect({ servers: dockerRuns(run, "gpu-workload").length, lifecycle: lifecycle(run) }).toEqual({ servers: 0, lifecycle: ["ABANDON"] });
      // The first secret read is vLLM's key; the start stops there.
      expect(run.journal).toMatch(
        /secret arn:aws:secretsmanager:us-east-1:123456789012:secret:chat-api-key-AbCdEf \(for VLLM_API_KEY\) (is empty|spans several lines)/,
      );
    });

    test("a secret read that keeps failing aborts the start", () => {
      const run = runBoot(served().text, { rules: [fails("aws", "^secretsmanager")] });
      expect(dockerRuns(run, "gpu-workload")).toEqual([]);
    });

    test("the secrets (vLLM's key among them) reach the container's environment file, never the command line", () => {
      const [server] = dockerRuns(runBoot(served().text, { secret: "s3cr3t_value" }), "gpu-workload");
      expect(server.env).toContain("HF_TOKEN=s3cr3t_value\n");
      expect(server.env).toContain("VLLM_API_KEY=s3cr3t_value\n");
      expect(server.line).not.toContain("s3cr3t_value");
      expect(server.line).not.toContain("--api-key");
    });

    test("a JSON secret's key is read from the secret's own region; a missing key aborts", () => {
      const u = one("single-server", /served-json-secret/);
      const run = runBoot(u.text, { secret: '{"token":"abc123","other":"x"}' });
      const [server] = dockerRuns(run, "gpu-workload");
      expect(server.env).toContain("API_TOKEN=abc123\n");
      expect(calls(run, /^aws secretsmanager .*secret:json-api-AbCdEf/)[0].args).toEqual(expect.arrayContaining(["--region", "eu-west-1"]));
      const missing = runBoot(u.text, { secret: '{"other":"x"}' });
      expect(dockerRuns(missing, "gpu-workload")).toEqual([]);
      expect(missing.journal).toMatch(/has no JSON key token \(for API_TOKEN\)/);
    });
  });

  test("ECR login goes to the registry's region, not the workload's", () => {
    const run = runBoot(one("single-server", /served-json-secret/).text);
    expect(calls(run, /^aws ecr get-login-password/).map((c) => c.args)).toEqual([["ecr", "get-login-password", "--region", "us-west-2"]]);
    expect(calls(run, /^docker login/)[0].args.at(-1)).toBe("123456789012.dkr.ecr.us-west-2.amazonaws.com");
  });

  test("a fleet instance whose server never answers its health check abandons its launch at its deadline", () => {
    const run = runBoot(one("fleet-server", /chat aws_launch/).text, { rules: [fails("curl", "127.0.0.1")] });
    expect(dockerRuns(run, "gpu-workload")).toHaveLength(1);
    expect(lifecycle(run)).toEqual(["ABANDON"]);
    expect(calls(run, /127\.0\.0\.1:8000\/health/).length).toBeGreaterThan(50);
  });

  test("a single server that keeps crashing is restarted a bounded number of times, then reported unhealthy", () => {
    const run = runBoot(one("single-server").text, { rules: [fails("docker", "--name gpu-workload")] });
    expect(dockerRuns(run, "gpu-workload")).toHaveLength(5);
    expect(run.calls.filter((c) => typeof c.outcome === "object" && "result" in c.outcome && c.outcome.result === "start-limit-hit")).toHaveLength(1);
    expect(healthReports(run)).toEqual(["0", "0"]);
  });

  test("a single server that stops answering after its first start reports 0 at once, and is restarted after 3 failed probes", () => {
    const text = one("single-server").text;
    // An hour after boot, the server up for an hour, then silent.
    const hung = runBoot(text, { uptimeSeconds: 3600, activeForSeconds: 3600, timerTicks: 3, rules: [fails("curl", "127.0.0.1")] });
    expect(healthReports(hung)).toEqual(["0", "0", "0"]);
    expect(dockerRuns(hung, "gpu-workload")).toHaveLength(2);
    // Just restarted: it gets its load time again before probes count, but still reports 0 (the alarm sees the restarts).
    const reloading = runBoot(text, { uptimeSeconds: 3600, activeForSeconds: 60, timerTicks: 3, rules: [fails("curl", "127.0.0.1")] });
    expect({ health: healthReports(reloading), servers: dockerRuns(reloading, "gpu-workload").length }).toEqual({ health: ["0", "0", "0"], servers: 1 });
    // On a first boot, a server still loading counts as healthy.
    expect(healthReports(runBoot(text, { timerTicks: 2, rules: [fails("curl", "127.0.0.1")] }))).toEqual(["1", "1"]);
  });

  test("the first node without its own address does not start the job; it stops, and so do the others", () => {
    const node0 = all.find((u) => kindOf(u.text) === "cluster-node" && /pretrain.*node-0/.test(u.source))!;
    const run = runBoot(node0.text, { rules: [fails("curl", "local-ipv4", "empty")] });
    expect({ jobs: dockerRuns(run, "gpu-job").length, shutdown: calls(run, /^shutdown/).length, others: stops(run, PEERS).length }).toEqual({
      jobs: 0,
      shutdown: 1,
      others: 1,
    });
    expect(run.journal).toMatch(/instance metadata local-ipv4 is empty/);
  });

  test("a cluster node's job gets torchrun's environment, the rendezvous timeout and NCCL forced onto EFA", () => {
    const nodes = all.filter((u) => /trained-dlc/.test(u.source)).map((u) => dockerRuns(runBoot(u.text), "gpu-job")[0].env!);
    expect(nodes).toHaveLength(2);
    nodes.forEach((env, rank) => {
      for (const line of [
        `NODE_RANK=${rank}`,
        `PET_NODE_RANK=${rank}`,
        "PET_NNODES=2",
        "PET_NPROC_PER_NODE=8",
        "PET_MASTER_PORT=29500",
        "PET_RDZV_CONF=timeout=1800,join_timeout=1800",
        "NCCL_NET=AWS Libfabric",
        "FI_PROVIDER=efa",
      ]) {
        expect(env).toContain(`${line}\n`);
      }
      expect(env).toContain(`PET_MASTER_ADDR=${rank === 0 ? "10.0.0.5" : "10.0.0.9"}\n`);
    });
  });

  test("a cluster job that fails stops every node; one that succeeds stops only its own", () => {
    const node = all.find((u) => /trained-dlc.*node-1/.test(u.source))!;
    const failed = runBoot(node.text, { rules: [fails("docker", "--name gpu-job", { exit: 1 })] });
    expect({ others: stops(failed, PEERS).length, self: stops(failed, SELF).length, shutdown: calls(failed, /^shutdown -h now$/).length }).toEqual({
      others: 1,
      self: 1,
      shutdown: 1,
    });
    const succeeded = runBoot(node.text);
    expect({ others: stops(succeeded, PEERS).length, self: stops(succeeded, SELF).length, shutdown: calls(succeeded, /^shutdown -h now$/).length }).toEqual({
      others: 0,
      self: 1,
      shutdown: 1,
    });
  });

  test("a job node that cannot reach EC2 to stop itself still shuts down", () => {
    const run = runBoot(all.find((u) => /tuned_instance/.test(u.source))!.text, { rules: [fails("aws", "^ec2 stop-instances")] });
    expect({ self: stops(run, SELF).length, shutdown: calls(run, /^shutdown -h now$/).length }).toEqual({ self: 0, shutdown: 1 });
    expect(run.journal).toMatch(/could not stop this instance through EC2: shutting it down/);
  });

  test("a job with shutdownOnExit false leaves its instance running", () => {
    const run = runBoot(all.find((u) => /tuned-kept/.test(u.source))!.text);
    expect({ jobs: dockerRuns(run, "gpu-job").length, shutdown: calls(run, /^shutdown/).length, stops: calls(run, /stop-instances/).length }).toEqual({
      jobs: 1,
      shutdown: 0,
      stops: 0,
    });
  });

  describe("a job's container on the host network is kept from instance metadata (the hop limit does not reach it)", () => {
    const FENCE = "OUTPUT -d 169.254.169.254/32 -m cgroup --path gpujob.slice -j REJECT";
    const fenced = (run: BootRun) => done(run, /^iptables -w -I /).map((c) => c.args.slice(2).join(" "));

    test("every job runs in the fenced slice, and the rule is in place before it starts", () => {
      const jobs = all.filter((u) => ["job", "cluster-node"].includes(kindOf(u.text)) && !/tuned-kept/.test(u.source));
      expect(jobs.length).toBeGreaterThan(3);
      for (const u of jobs) {
        const run = runBoot(u.text);
        const [job] = dockerRuns(run, "gpu-job");
        const order = (c: object) => run.calls.indexOf(c as never);
        const rule = done(run, /^iptables -w -I /)[0];
        expect({
          source: u.source,
          fenced: fenced(run),
          parent: job.args[job.args.indexOf("--cgroup-parent") + 1],
          network: job.args.includes("host"),
        }).toEqual({
          source: u.source,
          fenced: [FENCE],
          parent: "gpujob.slice",
          network: true,
        });
        expect(order(rule)).toBeLessThan(order(job));
        expect(order(done(run, /^systemctl start gpujob\.slice$/)[0])).toBeLessThan(order(rule));
      }
    });

    test("a rule already in place is not added twice (a restarted job checks it)", () => {
      const u = all.find((x) => /tuned_instance/.test(x.source))!;
      const run = runBoot(u.text, { rules: [fails("iptables", "-C", { exit: 0 })] });
      expect({ added: fenced(run), jobs: dockerRuns(run, "gpu-job").length }).toEqual({ added: [], jobs: 1 });
    });

    test("a job whose fence cannot be put up is not started, and its node stops", () => {
      const run = runBoot(all.find((u) => /tuned_instance/.test(u.source))!.text, { rules: [fails("iptables", "-I")] });
      expect({ jobs: dockerRuns(run, "gpu-job").length, self: stops(run, SELF).length, shutdown: calls(run, /^shutdown -h now$/).length }).toEqual({
        jobs: 0,
        self: 1,
        shutdown: 1,
      });
      expect(run.journal).toMatch(/could not be kept from instance metadata \(iptables\); the job is not started/);
    });

    test("a job whose containers were given the instance role runs without the fence", () => {
      const run = runBoot(all.find((u) => /tuned-kept/.test(u.source))!.text);
      const [job] = dockerRuns(run, "gpu-job");
      expect({ iptables: calls(run, /^iptables/).length, parent: job.args.includes("--cgroup-parent") }).toEqual({ iptables: 0, parent: false });
    });
  });

  test("the CloudWatch agent is installed only when AWS's key signed the package", () => {
    const u = one("metrics-only");
    const forged = runBoot(u.text, { signedBy: "0000111122223333444455556666777788889999" });
    expect(forged.exits[1]).not.toBe(0);
    expect(calls(forged, /^(apt-get|dnf) install/)).toEqual([]);
    expect(forged.journal).toMatch(/not signed by AWS key 937616F3450B7D806CBD9725D58167303B789C72: not installed/);
  });

  test("the model and cache folders are readable by a container that does not run as root", () => {
    const [server] = dockerRuns(runBoot(one("fleet-server", /chat aws_launch/).text), "gpu-workload");
    expect(server.mounts).toEqual({ "/opt/gpu-workloads/model": "755", "/opt/gpu-workloads/cache": "755" });
  });
});
