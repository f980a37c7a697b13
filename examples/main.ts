import { App } from "cdktf";
import { buildExampleApp } from "./app";

buildExampleApp(new App()).synth();
