import { App } from "cdktf";
import { buildExampleApp } from "./app";
import { printSynthSummary } from "./synth-summary";

const app = buildExampleApp(new App());
app.synth();
printSynthSummary(app.outdir);
