#!/usr/bin/env node
/**
 * One stub for every command the boot scripts call on an instance (docker, aws, curl, systemctl, shutdown, sleep, gpg,
 * apt-get, dnf, the CloudWatch agent's ctl): it logs its arguments to $SANDBOX/calls.jsonl and answers as EC2, AWS and
 * the tools would, or fails on demand as $SANDBOX/scenario.json says. systemctl runs the units the scripts wrote, as
 * systemd would for the settings they use (Restart, RestartPreventExitStatus, StartLimitBurst, OnFailure, ExecStopPost).
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const SANDBOX = process.env.SANDBOX;
const command = process.argv[2];
const args = process.argv.slice(3);
const scenario = JSON.parse(fs.readFileSync(path.join(SANDBOX, "scenario.json"), "utf8"));
const statePath = path.join(SANDBOX, "state.json");
const state = () => (fs.existsSync(statePath) ? JSON.parse(fs.readFileSync(statePath, "utf8")) : { rules: {}, units: {} });
const save = (s) => fs.writeFileSync(statePath, JSON.stringify(s));
const line = [command, ...args].join(" ");

function log(outcome) {
  // A container's environment file, as docker would read it at this moment.
  const envFile = command === "docker" && args[0] === "run" ? option("--env-file") : undefined;
  const env = envFile && fs.existsSync(envFile) ? fs.readFileSync(envFile, "utf8") : undefined;
  // The permissions of the host folders it mounts, as the container's user would meet them.
  const mounts = Object.fromEntries(
    args
      .flatMap((a, i) => (args[i - 1] === "-v" ? [a.split(":")[0]] : []))
      .map((p) => [p, fs.existsSync(p) ? (fs.statSync(p).mode & 0o777).toString(8) : "missing"]),
  );
  fs.appendFileSync(path.join(SANDBOX, "calls.jsonl"), JSON.stringify({ command, args, line, outcome, env, mounts }) + "\n");
}

/** The scenario's outcome for this call: the first rule whose command and pattern match, taking its outcomes in turn. */
function outcome() {
  const s = state();
  for (const [i, rule] of (scenario.rules ?? []).entries()) {
    if (rule.command !== command || !new RegExp(rule.match).test(args.join(" "))) continue;
    const n = s.rules[i] ?? 0;
    s.rules[i] = n + 1;
    save(s);
    return rule.outcomes[Math.min(n, rule.outcomes.length - 1)];
  }
  // A server answers its health check only while its container runs.
  if (command === "curl" && args.some((a) => a.startsWith("http://127.0.0.1:"))) return state().running?.["gpu-workload"] ? "ok" : "fail";
  return "ok";
}

/** Containers started with --name run until removed (docker rm -f, or a new start). */
function track(result) {
  const name = option("--name") ?? (args[0] === "rm" ? args.at(-1) : undefined);
  if (!name || command !== "docker") return;
  const s = state();
  s.running = { ...s.running, [name]: args[0] === "run" && result === "ok" };
  save(s);
}

function finish(result, stdout) {
  log(result);
  if (result === "fail") {
    process.stderr.write(`${command}: failed on demand\n`);
    process.exit(1);
  }
  if (typeof result === "object") stdout = result.stdout;
  else if (result === "empty") stdout = "";
  if (stdout) process.stdout.write(stdout);
  process.exit(typeof result === "object" ? (result.exit ?? 0) : 0);
}

function option(name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const answers = {
  curl() {
    const url = args.find((a) => a.startsWith("http"));
    const out = option("-o");
    if (out) fs.writeFileSync(out, `downloaded ${url}\n`);
    if (url.endsWith("/api/token")) return "TOKEN";
    const meta = /\/meta-data\/(.*)$/.exec(url);
    if (meta) return { "instance-id": "i-0123456789abcdef0", "local-ipv4": "10.0.0.5" }[meta[1]] ?? "";
    return "";
  },
  aws() {
    const [service, action] = args;
    // The wide app names its JSON key/value secrets "json-…": they hold {"token": …} unless the scenario says otherwise.
    if (service === "secretsmanager") return scenario.secret ?? (option("--secret-id").includes(":secret:json-") ? '{"token":"s3cr3t"}' : "s3cr3t");
    if (service === "ssm") return option("--name").endsWith("/auto-scaling-group") ? "gpu-asg-0123" : "i-0aaa,i-0bbb";
    if (service === "ecr" && action === "get-login-password") return "password";
    return "";
  },
  docker() {
    if (args[0] === "login") fs.readFileSync(0);
    return "";
  },
  /** The rules the scripts add, by their text: -C answers whether one is there, -I adds it. */
  iptables() {
    const rule = args.filter((a) => !["-w", "-C", "-I"].includes(a)).join(" ");
    const s = state();
    const rules = (s.iptables ??= []);
    if (args.includes("-C")) return rules.includes(rule) ? "" : { exit: 1 };
    if (args.includes("-I")) rules.push(rule);
    save(s);
    return "";
  },
  gpg() {
    if (args.includes("--verify"))
      return `[GNUPG:] VALIDSIG ${scenario.signedBy ?? "937616F3450B7D806CBD9725D58167303B789C72"} 2026-01-01 0 4 0 1 10 00 ${scenario.signedBy ?? ""}\n`;
    return "";
  },
  "apt-get"() {
    installAgent();
    return "";
  },
  dnf() {
    installAgent();
    return "";
  },
};

/** What the agent's package puts on disk: its folders and its control program (this stub). */
function installAgent() {
  const root = "/opt/aws/amazon-cloudwatch-agent";
  fs.mkdirSync(`${root}/etc`, { recursive: true });
  fs.mkdirSync(`${root}/bin`, { recursive: true });
  fs.writeFileSync(`${root}/bin/amazon-cloudwatch-agent-ctl`, `#!/bin/sh\nexec node ${__filename} amazon-cloudwatch-agent-ctl "$@"\n`, { mode: 0o755 });
}

// systemd, for what the units use.
function unitFile(name) {
  const text = fs.readFileSync(`/etc/systemd/system/${name}`, "utf8");
  const keys = {};
  for (const l of text.split("\n")) {
    const m = /^(\w+)=(.*)$/.exec(l);
    if (m) (keys[m[1]] ??= []).push(m[2]);
  }
  return keys;
}

function exec(commandLine, env) {
  const [file, ...rest] = commandLine.split(" ");
  const result = spawnSync(file, rest, { env: { ...process.env, ...env }, encoding: "utf8" });
  fs.appendFileSync(path.join(SANDBOX, "journal.log"), `== ${commandLine} (exit ${result.status})\n${result.stdout}${result.stderr}`);
  return result.status ?? 1;
}

function startUnit(name) {
  // A slice only groups processes: starting it creates its cgroup.
  if (name.endsWith(".slice")) {
    unitFile(name);
    setResult(name, "active");
    return;
  }
  if (name.endsWith(".timer")) {
    for (let tick = 0; tick < (scenario.timerTicks ?? 1); tick++) startUnit(name.replace(/\.timer$/, ".service"));
    return;
  }
  const u = unitFile(name);
  const burst = Number(u.StartLimitBurst?.[0] ?? 5);
  const prevent = (u.RestartPreventExitStatus?.[0] ?? "").split(" ").filter(Boolean).map(Number);
  const restart = u.Restart?.[0] ?? "no";
  for (;;) {
    const s = state();
    const unit = (s.units[name] ??= { starts: 0, result: "inactive" });
    if (unit.result === "failed") return;
    if (++unit.starts > burst) {
      unit.result = "failed";
      save(s);
      log({ unit: name, result: "start-limit-hit" });
      for (const f of u.OnFailure ?? []) startUnit(f);
      return;
    }
    save(s);
    const code = exec(u.ExecStart[0], {});
    // A server whose container runs (the docker stub returns at once) is active: nothing more happens until it stops.
    if (code === 0 && restart === "always") {
      setResult(name, "active");
      return;
    }
    const result = code === 0 ? "success" : "exit-code";
    for (const post of u.ExecStopPost ?? []) exec(post, { SERVICE_RESULT: result, EXIT_CODE: "exited", EXIT_STATUS: String(code) });
    const restarts = code !== 0 && (restart === "always" || restart === "on-failure") && !prevent.includes(code);
    if (restarts) continue;
    setResult(name, code === 0 ? "inactive" : "failed");
    log({ unit: name, result });
    if (code !== 0) for (const f of u.OnFailure ?? []) startUnit(f);
    return;
  }
}

function setResult(name, result) {
  const s = state();
  (s.units[name] ??= { starts: 0 }).result = result;
  save(s);
}

function systemctl() {
  const verb = args[0];
  const units = args.slice(1).filter((a) => !a.startsWith("-"));
  if (verb === "enable" && args.includes("--now")) units.forEach(startUnit);
  if (verb === "start") units.forEach(startUnit);
  if (verb === "restart") {
    const s = state();
    if (s.units[units[0]]?.result === "failed") process.exit(1);
    units.forEach(startUnit);
  }
  if (verb === "is-failed") return state().units[units[0]]?.result === "failed" ? 0 : 1;
  // When the server became active (ActiveEnterTimestampMonotonic, µs since boot): the scenario's seconds ago.
  if (verb === "show") {
    const uptime = Number(fs.readFileSync("/proc/uptime", "utf8").split(" ")[0]);
    process.stdout.write(`${Math.floor((uptime - (scenario.activeForSeconds ?? 0)) * 1e6)}\n`);
  }
  return 0;
}

if (command === "systemctl") {
  log("ok");
  process.exit(systemctl());
}
const result = outcome();
track(result);
const answer = result === "ok" ? (answers[command]?.() ?? "") : "";
// An answer may be an outcome of its own (iptables -C: the rule is not there).
if (typeof answer === "object") finish(answer);
else finish(result, answer);
