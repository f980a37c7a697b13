// Child: N default RealtimeInference workloads (one aws_instance each), synthesized for real.
import { RealtimeInference } from "../lib";
import { measureSynth } from "./synth-harness";

measureSynth((stack, id) => new RealtimeInference(stack, id, { network: { vpcId: "vpc-0abc1234", subnetIds: ["subnet-0abc1234"] } }));
