import { AutoscalingGroup, AutoscalingGroupInitialLifecycleHook } from "@cdktf/provider-aws/lib/autoscaling-group";
import { AutoscalingLifecycleHook } from "@cdktf/provider-aws/lib/autoscaling-lifecycle-hook";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { Construct } from "constructs";
import { ADMISSION_MARGIN_SECONDS } from "../../../boot/readiness";
import { Admission } from "../../../boot/server-boot";
import { addRolePolicy } from "../grants";

/** The launch lifecycle hook a serving fleet holds new instances at until their server is healthy. */
export const ADMISSION_HOOK_NAME = "gpu-workloads-ready";

/**
 * After admission the group's health check (ELB) counts: the grace covers only what is left, the load balancer
 * registering the instance and two passing health checks (an NLB takes up to a few minutes to register a target).
 */
export const ADMITTED_GRACE_SECONDS = 300;

/** What the instances' first-boot script needs to admit themselves: the hook and where the group's name is written. */
export function fleetAdmission(parameterPath: string, heartbeatSeconds: number): Admission {
  return {
    hookName: ADMISSION_HOOK_NAME,
    groupNameParameter: `${parameterPath}/auto-scaling-group`,
    deadlineSeconds: heartbeatSeconds - ADMISSION_MARGIN_SECONDS,
  };
}

/** The hook as the group declares it at creation, so its very first instances wait too; ABANDON when nothing answers. */
export function initialAdmissionHook(heartbeatSeconds: number): AutoscalingGroupInitialLifecycleHook {
  return { name: ADMISSION_HOOK_NAME, lifecycleTransition: "autoscaling:EC2_INSTANCE_LAUNCHING", heartbeatTimeout: heartbeatSeconds, defaultResult: "ABANDON" };
}

/**
 * What lets an instance admit itself: the group's name in an SSM parameter (the user data cannot refer to the group that
 * launches it), read access to that parameter alone, and CompleteLifecycleAction on this group alone. The hook is also a
 * resource of its own: a group's initial hooks apply at creation only, and a fleet created by an earlier version gets it
 * this way (it upserts the hook of the same name).
 */
export function createAdmission(
  scope: Construct,
  group: AutoscalingGroup,
  role: IamRole,
  admission: Admission,
  heartbeatSeconds: number,
  tags: Record<string, string>,
): void {
  new AutoscalingLifecycleHook(scope, "admission-hook", { ...initialAdmissionHook(heartbeatSeconds), autoscalingGroupName: group.name });
  const parameter = new SsmParameter(scope, "group-name-parameter", {
    name: admission.groupNameParameter,
    type: "String",
    value: group.name,
    description: "cdktf-gpu-workloads: the Auto Scaling group's name, read by its instances to complete their launch lifecycle action",
    tags,
  });
  addRolePolicy(scope, "admit-to-group", role, [
    { actions: ["ssm:GetParameter"], resources: [parameter.arn] },
    { actions: ["autoscaling:CompleteLifecycleAction"], resources: [group.arn] },
  ]);
}
