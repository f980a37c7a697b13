import { ContainerSpec, dockerRun, prepareScript, startScript } from "./container";
import { BOOT_DIR, RUN_DIR, scriptHeader, shellQuote, writeFile } from "./shell";

/** The job's systemd unit. */
export const JOB_UNIT = "gpu-job";
/** torchrun's default rendezvous port on the first node; the cluster's security group is open between its members. */
export const RENDEZVOUS_PORT = 29500;
/**
 * Seconds torchrun's rendezvous waits for every node. Its own default is 900 s for the static backend (LaunchConfig sets
 * it; static_tcp_rendezvous.py's is 600) and 600 s for c10d's join: shorter than nodes that finish pulling a 20 GB image
 * minutes apart can need. 30 minutes covers that skew; past it torchrun exits non-zero and the nodes stop.
 */
export const RENDEZVOUS_TIMEOUT_SECONDS = 1800;
/**
 * NCCL over EFA, never a silent fallback to TCP: NCCL_NET names aws-ofi-nccl's network ("AWS Libfabric" matches every
 * plugin version: "Libfabric" since v1.13, which still answers to the old name), and NCCL fails at start when no such
 * plugin is loaded (NVIDIA/nccl src/plugin/net.cc). libfabric's EFA provider, with device RDMA, for older plugins.
 */
export const EFA_ENVIRONMENT: Readonly<Record<string, string>> = {
  NCCL_NET: "AWS Libfabric",
  FI_PROVIDER: "efa",
  FI_EFA_USE_DEVICE_RDMA: "1",
  NCCL_SOCKET_IFNAME: "^docker,lo",
};

/** One node of a job: its rank among the nodes, and the first node's address (undefined on the first node itself). */
export interface JobNode {
  readonly nodes: number;
  readonly rank: number;
  readonly gpusPerNode: number;
  /** The first node's private IP (a Terraform reference on the other nodes); undefined: this node's own. */
  readonly firstNodeAddress?: string;
  /** EFA interfaces are attached: NCCL must use them. */
  readonly efa: boolean;
}

/**
 * The systemd slice the job's container runs in (docker --cgroup-parent), so the firewall can tell its traffic from the
 * host's. No "-" in the name: systemd reads dashes as parent slices, and the rule names the cgroup's path.
 */
export const JOB_SLICE = "gpujob.slice";

/** What happens when the job ends. */
export interface JobEnd {
  /** Stop this instance (instance-initiated shutdown behaviour "stop": compute billing ends). */
  readonly shutdown: boolean;
  /**
   * SSM parameters (in the workload's region) that list every node's instance id, comma-separated, written by Terraform
   * once the nodes exist: a node whose job fails stops the others too. Absent on a single node.
   */
  readonly peerParameters?: readonly string[];
}

export interface JobBoot {
  readonly container: ContainerSpec;
  readonly region: string;
  readonly logGroupName: string;
  readonly node: JobNode;
  readonly end: JobEnd;
  /** The container may use the instance role (containersUseInstanceRole): no metadata fence. */
  readonly containerUsesInstanceRole: boolean;
}

/**
 * The first-boot script of a training node: the job runs once (not on reboot) with torchrun's environment; when it ends,
 * or its preparation fails, the node stops itself (and, on failure, the other nodes) unless told not to.
 */
export function jobBootScript(j: JobBoot): string {
  const run = dockerRun(JOB_UNIT, j.container, {
    region: j.region,
    logGroupName: j.logGroupName,
    network: `--network host${j.node.efa ? " --device /dev/infiniband" : ""}`,
    cgroupParent: j.containerUsesInstanceRole ? undefined : JOB_SLICE,
  });
  // On the host network (NCCL and EFA need it) the IMDS hop limit keeps nothing out: the job's slice is fenced off instead.
  const fence = j.containerUsesInstanceRole
    ? undefined
    : { command: `fence_metadata ${JOB_SLICE}`, failure: "the job's container could not be kept from instance metadata (iptables)" };
  const unit = [
    "[Unit]",
    "Description=cdktf-gpu-workloads training job",
    "After=docker.service network-online.target",
    "Requires=docker.service",
    "Wants=network-online.target",
    "[Service]",
    `ExecStart=${BOOT_DIR}/start.sh`,
    ...(j.end.shutdown ? [`ExecStopPost=${BOOT_DIR}/finish.sh`] : []),
    "Restart=no",
  ].join("\n");
  return [
    "#!/bin/bash",
    `# cdktf-gpu-workloads: run ${j.container.image} once as the ${JOB_UNIT} service`,
    "set -euo pipefail",
    ...writeFile(`${BOOT_DIR}/prepare.sh`, prepareScript(j.container, j.region, distributedEnvironment(j.node)), "0700"),
    ...writeFile(`${BOOT_DIR}/start.sh`, startScript(JOB_UNIT, "the job", run, fence), "0700"),
    ...(fence
      ? writeFile(
          `/etc/systemd/system/${JOB_SLICE}`,
          "[Unit]\nDescription=cdktf-gpu-workloads: the training job's container, kept from instance metadata",
          "0644",
        )
      : []),
    ...(j.end.shutdown ? writeFile(`${BOOT_DIR}/finish.sh`, finishScript(j), "0700") : []),
    ...writeFile(`/etc/systemd/system/${JOB_UNIT}.service`, unit, "0644"),
    "systemctl daemon-reload",
    // Started once by the first boot, not enabled: a reboot does not run the job again.
    `systemctl start --no-block ${JOB_UNIT}.service`,
    "",
  ].join("\n");
}

/**
 * Lines of prepare.sh that print the node's distributed environment (into the environment file): torchrun's flags as PET_* variables (torchrun reads
 * those, not MASTER_ADDR) and their plain forms for other launchers, the rendezvous timeout, NCCL over EFA where
 * attached, and the rendezvous address: the first node's own, read from instance metadata and never empty.
 */
export function distributedEnvironment(n: JobNode): string[] {
  const torchrun: Record<string, string> = {
    NNODES: String(n.nodes),
    NODE_RANK: String(n.rank),
    NPROC_PER_NODE: String(n.gpusPerNode),
    MASTER_PORT: String(RENDEZVOUS_PORT),
  };
  const pairs = [
    ...Object.entries(torchrun).flatMap(([k, v]) => [
      [k, v],
      [`PET_${k}`, v],
    ]),
    ["PET_RDZV_CONF", `timeout=${RENDEZVOUS_TIMEOUT_SECONDS},join_timeout=${RENDEZVOUS_TIMEOUT_SECONDS}`],
    ...(n.efa ? Object.entries(EFA_ENVIRONMENT) : []),
  ];
  const master = n.firstNodeAddress === undefined ? "$(metadata local-ipv4)" : shellQuote(n.firstNodeAddress);
  return [
    ...pairs.map(([name, value]) => `printf '%s\\n' ${shellQuote(`${name}=${value}`)}`),
    `master=${master}`,
    `printf 'MASTER_ADDR=%s\\nPET_MASTER_ADDR=%s\\n' "$master" "$master"`,
  ];
}

/**
 * finish.sh (ExecStopPost: also after a failed preparation, and when a reboot stops the job): on failure, stops the
 * other nodes (they would wait for this one until the rendezvous times out, or hang in a collective); then stops this
 * instance through EC2 (a shutdown asked for during a reboot would not stop it), and shuts it down besides. Every step
 * before the shutdown may fail without preventing it.
 */
function finishScript(j: JobBoot): string {
  const peers = j.end.peerParameters ?? [];
  const region = shellQuote(j.region);
  return [
    ...scriptHeader("the job ended: stop the instance (and, when it failed, the other nodes)"),
    'log "the job ended (${SERVICE_RESULT:-unknown}, exit status ${EXIT_STATUS:-unknown}): stopping this instance"',
    `stop() { retry 3 aws ec2 stop-instances --region ${region} --instance-ids "$@" >/dev/null; }`,
    ...(peers.length
      ? [
          "stop_nodes() {",
          "  local ids=() value",
          ...peers.flatMap((name) => [
            `  value=$(parameter ${region} ${shellQuote(name)}) || return 1`,
            '  IFS=, read -ra part <<<"$value"',
            '  ids+=("${part[@]}")',
          ]),
          '  stop "${ids[@]}"',
          "}",
          'if [ "${SERVICE_RESULT:-}" != success ]; then',
          "  log 'the job failed: stopping every node of the cluster'",
          "  stop_nodes || log 'could not stop the other nodes: each stops when its own job fails'",
          "fi",
        ]
      : []),
    `self=$(cat ${RUN_DIR}/instance-id 2>/dev/null) || self=$(metadata instance-id) || self=""`,
    `if [ -z "$self" ] || ! stop "$self"; then log 'could not stop this instance through EC2: shutting it down'; fi`,
    "shutdown -h now",
    "",
  ].join("\n");
}
