import { ContainerService, ecrRepositoryArn } from "./container-service";

/** How the service behaves when its container exits. */
export interface ContainerRunOptions {
  readonly unit: string;
  readonly region: string;
  readonly logGroupName: string;
  /** A server restarts whenever it stops; a job runs once. */
  readonly restart: "always" | "never";
  /** Without a load balancer: probe the health path and restart the server after 3 failures in a row, once it has had `graceSeconds` to load. */
  readonly healthWatch?: { readonly graceSeconds: number };
  /** A job: stop the instance when the container exits (with the template's terminate behaviour, this ends its cost). */
  readonly shutdownOnExit?: boolean;
  /** Shell lines that write more KEY=VALUE lines to the environment file before the start (a cluster's rendezvous). */
  readonly extraEnvironment?: readonly string[];
  /** Network: publish the port (a server), or the host's network (a training node: NCCL and EFA). */
  readonly network: "publish" | "host";
  /** EFA devices passed into the container (a training node with EFA interfaces). */
  readonly efa?: boolean;
}

const DIR = "/opt/gpu-workloads";
const ENV_FILE = "/run/gpu-workloads/env";

/** Shell single quotes: the text stays literal whatever it contains. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function heredoc(path: string, body: string, mode: string): string[] {
  return [`cat > ${path} <<'GPU_WORKLOADS_EOF'`, body, "GPU_WORKLOADS_EOF", `chmod ${mode} ${path}`];
}

/**
 * The first-boot script that runs the container as a systemd service with the NVIDIA runtime the DLAMI ships
 * (Docker and the NVIDIA Container Toolkit): before each start it logs in to ECR when the image is there, reads secrets
 * into a root-only environment file under /run (never into user data), and syncs the weights from S3; the container logs
 * to CloudWatch Logs through Docker's awslogs driver with the instance role.
 */
export function containerScript(service: ContainerService, o: ContainerRunOptions): string {
  const registry = ecrRepositoryArn(service.image) ? service.image.split("/")[0] : undefined;
  const prepare = [
    "#!/bin/bash",
    "set -euo pipefail",
    `install -d -m 0700 /run/gpu-workloads ${DIR}/model`,
    `: > ${ENV_FILE} && chmod 0600 ${ENV_FILE}`,
    ...Object.entries(service.env).map(([name, value]) => `printf '%s\\n' ${shellQuote(`${name}=${value}`)} >> ${ENV_FILE}`),
    ...Object.entries(service.secretEnv).map(
      ([name, arn]) => `printf '%s=%s\\n' ${shellQuote(name)} "$(aws secretsmanager get-secret-value --region ${shellQuote(o.region)} --secret-id ${shellQuote(arn)} --query SecretString --output text)" >> ${ENV_FILE}`,
    ),
    ...(o.extraEnvironment ?? []),
    ...(registry ? [`aws ecr get-login-password --region ${shellQuote(o.region)} | docker login --username AWS --password-stdin ${shellQuote(registry)}`] : []),
    ...(service.weightsS3Uri ? [`aws s3 sync --only-show-errors ${shellQuote(service.weightsS3Uri)} ${DIR}/model`] : []),
    `docker pull ${shellQuote(service.image)}`,
  ].join("\n");
  const run = [
    "#!/bin/bash",
    "set -euo pipefail",
    'TOKEN=$(curl -fsS -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 60")',
    'INSTANCE=$(curl -fsS -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id)',
    [
      `exec docker run --rm --name ${o.unit} --gpus all --ipc=host --ulimit memlock=-1`,
      o.network === "host" ? `--network host${o.efa ? " --device /dev/infiniband" : ""}` : `-p ${service.port}:${service.port}`,
      `--env-file ${ENV_FILE}`,
      `-v ${DIR}/model:/model:ro -v ${DIR}/cache:/root/.cache`,
      `--log-driver awslogs --log-opt awslogs-region=${shellQuote(o.region)} --log-opt awslogs-group=${shellQuote(o.logGroupName)} --log-opt "awslogs-stream=$INSTANCE"`,
      shellQuote(service.image),
      ...service.args.map(shellQuote),
    ].join(" "),
  ].join("\n");
  const unit = [
    "[Unit]",
    `Description=cdktf-gpu-workloads ${o.unit}`,
    "After=docker.service network-online.target",
    "Requires=docker.service",
    "Wants=network-online.target",
    "[Service]",
    `ExecStartPre=-/usr/bin/docker rm -f ${o.unit}`,
    `ExecStartPre=${DIR}/prepare.sh`,
    `ExecStart=${DIR}/run.sh`,
    `ExecStop=/usr/bin/docker stop ${o.unit}`,
    o.restart === "always" ? "Restart=always\nRestartSec=10" : "Restart=no",
    ...(o.shutdownOnExit ? ["ExecStopPost=/usr/sbin/shutdown -h now"] : []),
    "TimeoutStartSec=infinity",
    "[Install]",
    "WantedBy=multi-user.target",
  ].join("\n");
  const lines = [
    "#!/bin/bash",
    `# cdktf-gpu-workloads: run ${service.image} as the ${o.unit} service`,
    "set -euo pipefail",
    `install -d -m 0755 ${DIR} ${DIR}/cache`,
    ...heredoc(`${DIR}/prepare.sh`, prepare, "0700"),
    ...heredoc(`${DIR}/run.sh`, run, "0700"),
    ...heredoc(`/etc/systemd/system/${o.unit}.service`, unit, "0644"),
    ...(o.healthWatch ? healthWatch(o.unit, service, o.healthWatch.graceSeconds) : []),
    "systemctl daemon-reload",
    `systemctl enable --now --no-block ${o.unit}.service${o.healthWatch ? ` ${o.unit}-health.timer` : ""}`,
    "",
  ];
  return lines.join("\n");
}

/** A timer that probes the server every 30 s and restarts it after 3 failures in a row, past its load time. */
function healthWatch(unit: string, service: ContainerService, graceSeconds: number): string[] {
  const probe = [
    "#!/bin/bash",
    `since=$(systemctl show ${unit}.service -p ActiveEnterTimestampMonotonic --value)`,
    'now=$(($(cut -d" " -f1 /proc/uptime | cut -d. -f1) * 1000000))',
    `[ "$since" -gt 0 ] && [ $(( (now - since) / 1000000 )) -ge ${graceSeconds} ] || exit 0`,
    `if curl -fsS -m 5 -o /dev/null http://127.0.0.1:${service.port}${service.healthCheckPath}; then echo 0 > /run/gpu-workloads/failures; exit 0; fi`,
    "failures=$(( $(cat /run/gpu-workloads/failures 2>/dev/null || echo 0) + 1 ))",
    "echo $failures > /run/gpu-workloads/failures",
    `if [ $failures -ge 3 ]; then echo 0 > /run/gpu-workloads/failures; systemctl restart ${unit}.service; fi`,
  ].join("\n");
  const service_ = ["[Unit]", `Description=health probe of ${unit}`, "[Service]", "Type=oneshot", `ExecStart=${DIR}/health.sh`].join("\n");
  const timer = ["[Unit]", `Description=probe ${unit} every 30 s`, "[Timer]", "OnBootSec=60", "OnUnitActiveSec=30", "[Install]", "WantedBy=timers.target"].join("\n");
  return [...heredoc(`${DIR}/health.sh`, probe, "0700"), ...heredoc(`/etc/systemd/system/${unit}-health.service`, service_, "0644"), ...heredoc(`/etc/systemd/system/${unit}-health.timer`, timer, "0644")];
}
