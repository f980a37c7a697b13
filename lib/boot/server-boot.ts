import { ContainerSpec, PREPARATION_FAILED, dockerRun, prepareScript, startScript } from "./container";
import { BOOT_DIR, NETWORK_ATTEMPTS, RUN_DIR, scriptHeader, shellQuote, writeFile } from "./shell";

/** The server's systemd unit. */
export const SERVER_UNIT = "gpu-workload";
/** Starts counted for the restart limit: a server that stops this often within the interval has failed for good. */
export const SERVER_START_LIMIT = { burst: 5, intervalSeconds: 1800 } as const;
/** Seconds between readiness probes while a fleet instance waits to be admitted. */
export const ADMISSION_PROBE_SECONDS = 15;
/** Seconds between health probes of a single server. */
export const HEALTH_PROBE_SECONDS = 60;
/** Failed probes in a row after which a single server is restarted. */
export const HEALTH_FAILURES_BEFORE_RESTART = 3;

/** A fleet's admission: the group holds each new instance at its launch lifecycle hook until the instance says it is ready. */
export interface Admission {
  readonly hookName: string;
  /** SSM parameter (in the workload's region) that holds the group's name, written by Terraform once the group exists. */
  readonly groupNameParameter: string;
  /** The instance abandons its own launch when its server is not healthy by then (the hook's heartbeat timeout, less a margin). */
  readonly deadlineSeconds: number;
}

/** A single server's health: a metric an alarm watches, 1 healthy (or still loading within the grace), 0 not. */
export interface HealthWatch {
  readonly graceSeconds: number;
  readonly metricNamespace: string;
  readonly metricName: string;
  /** The value of the metric's Workload dimension. */
  readonly workload: string;
}

export interface ServerBoot {
  readonly container: ContainerSpec;
  readonly port: number;
  readonly healthCheckPath: string;
  /** The workload's region: logs, metrics, parameters and the group live there. */
  readonly region: string;
  readonly logGroupName: string;
  /** In a fleet behind a load balancer. */
  readonly admission?: Admission;
  /** On a single instance, which nothing else watches. */
  readonly healthWatch?: HealthWatch;
}

/**
 * The first-boot script of a server: prepare (retried) and run the container as a systemd service that restarts it, up
 * to a limit; when the preparation fails or the limit is reached the unit fails and says so: a fleet instance abandons
 * its launch (the group replaces it), a single instance reports itself unhealthy to the metric its alarm watches.
 */
export function serverBootScript(s: ServerBoot): string {
  const c = s.container;
  const probe = `curl -fsS -m 5 -o /dev/null ${shellQuote(`http://127.0.0.1:${s.port}${s.healthCheckPath}`)}`;
  const run = dockerRun(SERVER_UNIT, c, { region: s.region, logGroupName: s.logGroupName, network: `-p ${s.port}:${s.port}` });
  const units = [
    ...writeFile(`/etc/systemd/system/${SERVER_UNIT}.service`, serverUnit(), "0644"),
    ...writeFile(`${BOOT_DIR}/failed.sh`, failedScript(s), "0700"),
    ...writeFile(`/etc/systemd/system/${SERVER_UNIT}-failed.service`, oneshotUnit("report that the server failed", `${BOOT_DIR}/failed.sh`), "0644"),
    ...(s.admission
      ? [
          ...writeFile(`${BOOT_DIR}/admit.sh`, admitScript(s, s.admission, probe), "0700"),
          ...writeFile(
            `/etc/systemd/system/${SERVER_UNIT}-ready.service`,
            oneshotUnit("admit this instance to its group once the server is healthy", `${BOOT_DIR}/admit.sh wait`),
            "0644",
          ),
        ]
      : []),
    ...(s.healthWatch ? healthWatchFiles(s, s.healthWatch, probe) : []),
  ];
  return [
    "#!/bin/bash",
    `# cdktf-gpu-workloads: run ${c.image} as the ${SERVER_UNIT} service`,
    "set -euo pipefail",
    ...writeFile(`${BOOT_DIR}/prepare.sh`, prepareScript(c, s.region), "0700"),
    ...writeFile(`${BOOT_DIR}/start.sh`, startScript(SERVER_UNIT, "the server", run), "0700"),
    ...units,
    "systemctl daemon-reload",
    `systemctl enable --now --no-block ${SERVER_UNIT}.service${s.healthWatch ? ` ${SERVER_UNIT}-health.timer` : ""}`,
    ...(s.admission ? [`systemctl start --no-block ${SERVER_UNIT}-ready.service`] : []),
    "",
  ].join("\n");
}

function serverUnit(): string {
  return [
    "[Unit]",
    "Description=cdktf-gpu-workloads server",
    "After=docker.service network-online.target",
    "Requires=docker.service",
    "Wants=network-online.target",
    `StartLimitIntervalSec=${SERVER_START_LIMIT.intervalSeconds}`,
    `StartLimitBurst=${SERVER_START_LIMIT.burst}`,
    `OnFailure=${SERVER_UNIT}-failed.service`,
    "[Service]",
    `ExecStart=${BOOT_DIR}/start.sh`,
    "Restart=always",
    "RestartSec=10",
    `RestartPreventExitStatus=${PREPARATION_FAILED}`,
    // systemd 254+ passes through "failed" between restarts, running OnFailure each time; direct restarts do not
    // (older versions, which already behave so, ignore the key).
    "RestartMode=direct",
    "[Install]",
    "WantedBy=multi-user.target",
  ].join("\n");
}

/** A unit that runs a script once; no start timeout: the admission waits as long as its own deadline. */
function oneshotUnit(description: string, command: string): string {
  return ["[Unit]", `Description=cdktf-gpu-workloads: ${description}`, "[Service]", "Type=oneshot", "TimeoutStartSec=infinity", `ExecStart=${command}`].join(
    "\n",
  );
}

const FAILED = `the server failed: its preparation, or ${SERVER_START_LIMIT.burst} starts in ${SERVER_START_LIMIT.intervalSeconds / 60} minutes (journalctl -u ${SERVER_UNIT})`;

function failedScript(s: ServerBoot): string {
  const report = s.admission
    ? [`exec ${BOOT_DIR}/admit.sh abandon`]
    : s.healthWatch
      ? [`${putMetric(s.region, s.healthWatch, "0")} || log 'could not publish the health metric'`]
      : [];
  return [...scriptHeader("report a failed server"), `log ${shellQuote(FAILED)}`, ...report, ""].join("\n");
}

/**
 * admit.sh wait: probes the server until it is healthy, then completes the launch lifecycle action (CONTINUE: the group
 * puts the instance in service and registers it with the load balancer); past the deadline it abandons the launch.
 * admit.sh abandon: abandons it now, unless the instance was admitted already (a load balancer watches it then).
 */
function admitScript(s: ServerBoot, a: Admission, probe: string): string {
  const probes = Math.max(1, Math.floor(a.deadlineSeconds / ADMISSION_PROBE_SECONDS));
  return [
    ...scriptHeader("admit this instance to its Auto Scaling group once its server is healthy, or abandon its launch"),
    `admitted=${BOOT_DIR}/admitted abandoned=${RUN_DIR}/abandoned`,
    "lifecycle() {",
    "  local group instance",
    `  group=$(parameter ${shellQuote(s.region)} ${shellQuote(a.groupNameParameter)}) || return 1`,
    "  instance=$(metadata instance-id) || return 1",
    `  retry ${NETWORK_ATTEMPTS} aws autoscaling complete-lifecycle-action --region ${shellQuote(s.region)} --auto-scaling-group-name "$group" --lifecycle-hook-name ${shellQuote(a.hookName)} --instance-id "$instance" --lifecycle-action-result "$1"`,
    "}",
    'if [ "${1:-wait}" = abandon ]; then',
    '  [ -e "$admitted" ] && exit 0',
    "  log 'abandoning this launch: the group replaces the instance'",
    '  touch "$abandoned"',
    "  lifecycle ABANDON",
    "  exit",
    "fi",
    `for ((probe = 0; probe < ${probes}; probe++)); do`,
    '  [ -e "$abandoned" ] && exit 1',
    `  if ${probe}; then`,
    "    if lifecycle CONTINUE; then",
    '      touch "$admitted"',
    "      log 'the server is healthy: admitted to the group'",
    "      exit 0",
    "    fi",
    "    log 'could not complete the launch lifecycle action'",
    "    exit 1",
    "  fi",
    `  sleep ${ADMISSION_PROBE_SECONDS}`,
    "done",
    `log ${shellQuote(`the server is not healthy after ${probes * ADMISSION_PROBE_SECONDS} s: abandoning this launch`)}`,
    "lifecycle ABANDON",
    "exit 1",
    "",
  ].join("\n");
}

function putMetric(region: string, h: HealthWatch, value: string): string {
  return `aws cloudwatch put-metric-data --region ${shellQuote(region)} --namespace ${shellQuote(h.metricNamespace)} --metric-name ${shellQuote(h.metricName)} --dimensions ${shellQuote(`Workload=${h.workload}`)} --value ${value}`;
}

/**
 * health.sh, every minute: 1 when the server answers, or while the instance's first start is within its time to become
 * ready (counted from boot); else 0, published for the alarm, so a server that fails, hangs or keeps restarting is seen.
 * After 3 failed probes in a row it restarts the server, no sooner than that time after its last start (a restarted
 * server loads again); restarts count towards the unit's start limit.
 */
function healthWatchFiles(s: ServerBoot, h: HealthWatch, probe: string): string[] {
  const failures = `${RUN_DIR}/failures`;
  const script = [
    ...scriptHeader("probe the server, restart it after repeated failures, publish its health"),
    `since=$(systemctl show ${SERVER_UNIT}.service -p ActiveEnterTimestampMonotonic --value)`,
    "uptime=$(cut -d. -f1 /proc/uptime)",
    "healthy=0",
    `if ${probe}; then`,
    "  healthy=1",
    `  echo 0 >${failures}`,
    `elif systemctl is-failed --quiet ${SERVER_UNIT}.service; then`,
    `  log ${shellQuote(FAILED)}`,
    `elif [ "$uptime" -lt ${h.graceSeconds} ]; then`,
    "  healthy=1",
    `elif [ $((uptime - since / 1000000)) -ge ${h.graceSeconds} ]; then`,
    `  failures=$(($(cat ${failures} 2>/dev/null || echo 0) + 1))`,
    `  echo "$failures" >${failures}`,
    `  if [ "$failures" -ge ${HEALTH_FAILURES_BEFORE_RESTART} ]; then`,
    `    echo 0 >${failures}`,
    `    log ${shellQuote(`${HEALTH_FAILURES_BEFORE_RESTART} failed health probes in a row: restarting the server`)}`,
    `    systemctl restart ${SERVER_UNIT}.service || true`,
    "  fi",
    "fi",
    `${putMetric(s.region, h, '"$healthy"')} || log 'could not publish the health metric'`,
    "",
  ].join("\n");
  const timer = [
    "[Unit]",
    `Description=cdktf-gpu-workloads: probe the server every ${HEALTH_PROBE_SECONDS} s`,
    "[Timer]",
    `OnBootSec=${HEALTH_PROBE_SECONDS}`,
    `OnUnitActiveSec=${HEALTH_PROBE_SECONDS}`,
    "[Install]",
    "WantedBy=timers.target",
  ].join("\n");
  return [
    ...writeFile(`${BOOT_DIR}/health.sh`, script, "0700"),
    ...writeFile(`/etc/systemd/system/${SERVER_UNIT}-health.service`, oneshotUnit("probe the server's health", `${BOOT_DIR}/health.sh`), "0644"),
    ...writeFile(`/etc/systemd/system/${SERVER_UNIT}-health.timer`, timer, "0644"),
  ];
}
