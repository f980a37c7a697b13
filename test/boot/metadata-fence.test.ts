import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { JOB_SLICE } from "../../lib/boot/job-boot";
import { SHELL_LIBRARY } from "../../lib/boot/shell";

/**
 * The metadata fence a job's start.sh puts up, run against the real kernel and the real iptables in a private network
 * namespace: a stand-in metadata service on 169.254.169.254 answers the host and refuses a process in the job's slice
 * (and in a cgroup below it, where docker puts the container). The referee is netfilter, not our stub.
 */
const cgroup2 = fs
  .readFileSync("/proc/mounts", "utf8")
  .split("\n")
  .map((l) => l.split(" "))
  .find((f) => f[2] === "cgroup2")?.[1];
const missing = ["unshare", "iptables", "ip", "curl", "python3"].filter((tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0);
const unavailable =
  process.getuid?.() !== 0
    ? "not root"
    : !cgroup2
      ? "no cgroup2 mount"
      : missing.length
        ? `missing ${missing.join(", ")} (apt-get install iptables iproute2 curl)`
        : undefined;
if (unavailable) console.log(`metadata fence on the real kernel: skipped (${unavailable})`);

/** fence_metadata() exactly as the instance's lib.sh defines it (start.sh calls it with the job's slice). */
function fenceFunction(): string {
  return /^fence_metadata\(\) \{\n[\s\S]*?\n\}$/m.exec(SHELL_LIBRARY)![0];
}

(unavailable ? describe.skip : describe)("the job's metadata fence on the real kernel", () => {
  let slice: string;
  beforeAll(() => {
    slice = path.join(cgroup2!, JOB_SLICE);
  });
  afterAll(() => {
    // A cgroup is removed with rmdir once empty (its processes have exited).
    for (const dir of [path.join(slice, "docker-job.scope"), slice]) spawnSync("rmdir", [dir]);
  });

  function run(body: string): { status: number | null; out: string } {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fence-")), "fence.sh");
    fs.writeFileSync(
      file,
      [
        "set -u",
        "ip link set lo up && ip addr add 169.254.169.254/32 dev lo || exit 90",
        "python3 -m http.server 80 --bind 169.254.169.254 >/dev/null 2>&1 & server=$!",
        "for _ in $(seq 50); do curl -s -o /dev/null -m 1 http://169.254.169.254/ && break; sleep 0.1; done",
        // systemd creates a started slice's cgroup; here that is all `systemctl start` does.
        `systemctl() { mkdir -p ${cgroup2}/"$2"; }`,
        fenceFunction(),
        body,
        "kill $server",
      ].join("\n"),
    );
    const result = spawnSync("unshare", ["-n", "bash", file], { encoding: "utf8" });
    return { status: result.status, out: result.stdout + result.stderr };
  }

  /** curl's answer from a process in `cgroup` (relative to the cgroup2 root; "" is the host's own). */
  const probe = (cgroup: string, label: string) =>
    cgroup
      ? `mkdir -p ${cgroup2}/${cgroup}; sh -c "echo \\$\\$ > ${cgroup2}/${cgroup}/cgroup.procs && exec curl -s -o /dev/null -m 3 -w '${label} %{http_code}\\n' http://169.254.169.254/"; echo "${label} exit $?"`
      : `curl -s -o /dev/null -m 3 -w '${label} %{http_code}\\n' http://169.254.169.254/; echo "${label} exit $?"`;

  test("the host reaches instance metadata; the job's slice and its container's cgroup are refused (curl 7: connection refused)", () => {
    const { out } = run(
      [
        `fence_metadata ${JOB_SLICE} || echo 'fence failed'`,
        probe("", "host"),
        probe(JOB_SLICE, "slice"),
        probe(`${JOB_SLICE}/docker-job.scope`, "container"),
      ].join("\n"),
    );
    expect(out.trim().split("\n")).toEqual(["host 200", "host exit 0", "slice 000", "slice exit 7", "container 000", "container exit 7"]);
  });

  test("before the fence, the same container would reach it: the rule is what refuses it", () => {
    const { out } = run(probe(`${JOB_SLICE}/docker-job.scope`, "container"));
    expect(out.trim().split("\n")).toEqual(["container 200", "container exit 0"]);
  });

  test("put up twice, the rule is there once", () => {
    const { out } = run(`fence_metadata ${JOB_SLICE} && fence_metadata ${JOB_SLICE} && iptables -S OUTPUT | grep -c 169.254.169.254`);
    expect(out.trim()).toBe("1");
  });
});
