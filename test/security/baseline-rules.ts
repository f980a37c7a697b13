/**
 * The library's security baseline as checks over synthesized Terraform JSON, one per scanner rule id
 * (checkov / trivy / Prowler). Each returns what violates it; an empty list passes.
 * Deliberately not met, and documented where decided: trivy AWS-0104 for HTTPS egress to 0.0.0.0/0 (Session
 * Manager, ECR and model registries need it; narrow it with VPC endpoints and `allowTo`), and Prowler's confused-deputy
 * check for EC2 instance roles (see its rule). The user's choices, met when chosen: USER_CHOICE_RULES.
 * Not applicable: aws_placement_group and aws_autoscaling_policy carry no security settings; EFA
 * interfaces are network interfaces of the launch template, so CKV_AWS_88 covers every card; the
 * cluster's all-protocol rules reference only its own security group, never a CIDR.
 */
type Block = Record<string, any>;
export type StackJson = { resource?: Record<string, Record<string, Block>>; data?: Record<string, Record<string, Block>> };

export interface BaselineRule {
  readonly id: string;
  readonly description: string;
  check(stack: StackJson): string[];
}

const each = (stack: StackJson, type: string): [string, Block][] => Object.entries(stack.resource?.[type] ?? {});
const isTrue = (v: unknown) => v === true || v === "true";
const OPEN = ["0.0.0.0/0", "::/0"];

/**
 * Launch templates an AWS Batch compute environment launches from. Batch itself sets their image (its
 * ECS GPU image type), instance role (the environment's instance_role) and interfaces (the environment's
 * subnets and security groups), so those fields are checked on the compute environment instead.
 */
function batchTemplates(s: StackJson): Set<string> {
  return new Set(
    each(s, "aws_batch_compute_environment")
      .filter(([, ce]) => ce.compute_resources?.instance_role && (ce.compute_resources?.security_group_ids ?? []).length)
      .map(([, ce]) => /aws_launch_template\.([^.]+)\.id/.exec(ce.compute_resources?.launch_template?.launch_template_id ?? "")?.[1])
      .filter((name): name is string => Boolean(name)),
  );
}
/**
 * Launch templates an EKS managed node group launches from. EKS sets their image (the group's ami_type, an AWS-published
 * EKS AMI) and instance role (the group's node_role_arn), and places their interfaces in the group's subnets, so those
 * fields are checked on the node group instead.
 */
function nodeGroupTemplates(s: StackJson): Set<string> {
  return new Set(
    each(s, "aws_eks_node_group")
      .filter(([, g]) => g.node_role_arn && /^(AL2023|BOTTLEROCKET)_\w+_NVIDIA$/.test(g.ami_type ?? ""))
      .map(([, g]) => /aws_launch_template\.([^.]+)\.id/.exec(g.launch_template?.id ?? "")?.[1])
      .filter((name): name is string => Boolean(name)),
  );
}
const plainTemplates = (s: StackJson) => each(s, "aws_launch_template").filter(([n]) => !batchTemplates(s).has(n) && !nodeGroupTemplates(s).has(n));

export const BASELINE_RULES: readonly BaselineRule[] = [
  {
    id: "CKV_AWS_79",
    description: "IMDSv2 required on launch templates and instances",
    check: (s) => [
      ...each(s, "aws_launch_template")
        .filter(([, r]) => r.metadata_options?.http_tokens !== "required")
        .map(([n]) => n),
      ...each(s, "aws_instance")
        .filter(([, r]) => r.metadata_options?.http_tokens !== "required")
        .map(([n]) => n),
    ],
  },
  {
    id: "CKV_AWS_8",
    description: "EBS volumes of launch templates and instances encrypted (trivy AWS-0131)",
    check: (s) => [
      ...each(s, "aws_launch_template")
        .filter(([, r]) => !(r.block_device_mappings ?? []).length || r.block_device_mappings.some((b: Block) => !isTrue(b.ebs?.encrypted)))
        .map(([n]) => n),
      ...each(s, "aws_instance")
        .filter(([, r]) => r.root_block_device && !isTrue(r.root_block_device.encrypted))
        .map(([n]) => n),
    ],
  },
  {
    id: "CKV_AWS_126",
    description: "detailed monitoring enabled",
    check: (s) => [
      ...each(s, "aws_launch_template")
        .filter(([, r]) => r.monitoring?.enabled !== true)
        .map(([n]) => n),
      ...each(s, "aws_instance")
        .filter(([, r]) => r.monitoring !== true)
        .map(([n]) => n),
    ],
  },
  {
    id: "CKV_AWS_135",
    description: "EBS-optimized",
    check: (s) => [
      ...each(s, "aws_launch_template")
        .filter(([, r]) => !isTrue(r.ebs_optimized))
        .map(([n]) => n),
      ...each(s, "aws_instance")
        .filter(([, r]) => !isTrue(r.ebs_optimized))
        .map(([n]) => n),
    ],
  },
  {
    id: "CKV_AWS_88",
    description: "no public IP: the primary interface says false, none says true",
    check: (s) => [
      ...plainTemplates(s)
        .filter(([, r]) => {
          const nics: Block[] = r.network_interfaces ?? [];
          const primary = nics.find((n) => (n.device_index ?? 0) === 0 && (n.network_card_index ?? 0) === 0);
          return !primary || primary.associate_public_ip_address !== "false" || nics.some((n) => isTrue(n.associate_public_ip_address));
        })
        .map(([n]) => n),
      ...each(s, "aws_instance")
        .filter(([, r]) => isTrue(r.associate_public_ip_address))
        .map(([n]) => n),
    ],
  },
  {
    id: "CKV_AWS_24/25/260/277",
    description: "no ingress from 0.0.0.0/0 or ::/0",
    check: (s) => [
      ...each(s, "aws_vpc_security_group_ingress_rule")
        .filter(([, r]) => OPEN.includes(r.cidr_ipv4) || OPEN.includes(r.cidr_ipv6))
        .map(([n]) => n),
      ...each(s, "aws_security_group")
        .filter(([, r]) => (r.ingress ?? []).some((i: Block) => (i.cidr_blocks ?? []).concat(i.ipv6_cidr_blocks ?? []).some((c: string) => OPEN.includes(c))))
        .map(([n]) => n),
    ],
  },
  {
    id: "CKV_AWS_382",
    description: "no unrestricted egress: all protocols to anywhere",
    check: (s) => [
      ...each(s, "aws_vpc_security_group_egress_rule")
        .filter(([, r]) => r.ip_protocol === "-1" && (OPEN.includes(r.cidr_ipv4) || OPEN.includes(r.cidr_ipv6)))
        .map(([n]) => n),
      ...each(s, "aws_security_group")
        .filter(([, r]) => (r.egress ?? []).some((e: Block) => e.protocol === "-1" && (e.cidr_blocks ?? []).some((c: string) => OPEN.includes(c))))
        .map(([n]) => n),
    ],
  },
  {
    id: "CKV_AWS_23",
    description: "every security group and rule has a description",
    check: (s) =>
      ["aws_security_group", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]
        .flatMap((t) => each(s, t))
        .filter(([, r]) => !(typeof r.description === "string" && r.description.length > 0))
        .map(([n]) => n),
  },
  {
    id: "CKV2_AWS_41",
    description: "instances get an instance profile (through their launch template)",
    check: (s) => [
      ...plainTemplates(s)
        .filter(([, r]) => !r.iam_instance_profile?.arn && !r.iam_instance_profile?.name)
        .map(([n]) => n),
      ...each(s, "aws_instance")
        .filter(([, r]) => !r.launch_template?.id && !r.iam_instance_profile)
        .map(([n]) => n),
    ],
  },
  {
    id: "CKV_AWS_60/61/62/63/274",
    description: "IAM: trust names a service, no wildcard actions or resources, no AdministratorAccess",
    check: (s) => [
      ...each(s, "aws_iam_role")
        .filter(([, r]) => {
          const doc = JSON.parse(r.assume_role_policy);
          return doc.Statement.some((st: Block) => JSON.stringify(st.Principal).includes('"*"') || st.Action === "*" || st.Action === "sts:*");
        })
        .map(([n]) => n),
      ...["aws_iam_policy", "aws_iam_role_policy"]
        .flatMap((t) => each(s, t))
        .filter(([, r]) => {
          const doc = typeof r.policy === "string" ? JSON.parse(r.policy) : r.policy;
          return [doc.Statement].flat().some((st: Block) => {
            const actions: string[] = [st.Action].flat();
            const resources: string[] = [st.Resource].flat();
            // The documented exceptions, actions AWS grants on "*" only: ecr:GetAuthorizationToken, which reaches no
            // repository by itself (grantPullEcr pairs it with the repository's own statement); cloudwatch:PutMetricData,
            // scoped by its condition to the workload's own namespace; Session Manager's channels (ssmmessages actions take
            // no resource) and ECS's DiscoverPollEndpoint (none either).
            const only = (...allowed: string[]) => actions.every((a) => allowed.includes(a));
            const tokenOnly = only("ecr:GetAuthorizationToken");
            const ownMetrics =
              only("cloudwatch:PutMetricData") && /^cdktf-gpu-workloads\/[^*?]+$/.test(st.Condition?.StringEquals?.["cloudwatch:namespace"] ?? "");
            const sessionManager = only(
              "ssm:UpdateInstanceInformation",
              "ssmmessages:CreateControlChannel",
              "ssmmessages:CreateDataChannel",
              "ssmmessages:OpenControlChannel",
              "ssmmessages:OpenDataChannel",
            );
            const pollEndpoint = only("ecs:DiscoverPollEndpoint");
            return (
              actions.some((a) => a === "*" || a.endsWith(":*")) || (resources.includes("*") && !tokenOnly && !ownMetrics && !sessionManager && !pollEndpoint)
            );
          });
        })
        .map(([n]) => n),
      ...each(s, "aws_iam_role_policy_attachment")
        .filter(([, r]) => /AdministratorAccess|PowerUserAccess|IAMFullAccess/.test(r.policy_arn))
        .map(([n]) => n),
    ],
  },
  {
    id: "least-privilege instance roles",
    // Not a scanner's rule: the AWS-managed policies instance roles commonly get, each of which grants on "*" what one
    // workload must not have (every Parameter Store value; any namespace's metrics and any log group; every ECR repository).
    description: "no AmazonSSMManagedInstanceCore, CloudWatchAgentServerPolicy or AmazonEC2ContainerServiceforEC2Role",
    check: (s) =>
      each(s, "aws_iam_role_policy_attachment")
        .filter(([, r]) => /AmazonSSMManagedInstanceCore|CloudWatchAgentServerPolicy|AmazonEC2ContainerServiceforEC2Role/.test(r.policy_arn))
        .map(([n]) => n),
  },
  {
    id: "prowler iam_role_cross_service_confused_deputy_prevention",
    // Prowler flags every role a service assumes without aws:SourceAccount / aws:SourceArn. Documented exception:
    // ec2.amazonaws.com (instance roles): AWS documents neither key for EC2, and an instance profile is attached only
    // within its own account (iam:PassRole); lib/constructs/private/instance-role.ts.
    description: "roles a service assumes (other than EC2's instance roles) require aws:SourceAccount and aws:SourceArn",
    check: (s) =>
      each(s, "aws_iam_role")
        .filter(([, r]) =>
          JSON.parse(r.assume_role_policy).Statement.some((st: Block) => {
            const services: string[] = [st.Principal?.Service ?? []].flat();
            if (!services.length || services.every((service) => service === "ec2.amazonaws.com")) return false;
            const keys = Object.values<Block>(st.Condition ?? {}).flatMap((c) => Object.keys(c));
            return !keys.includes("aws:SourceAccount") || !keys.includes("aws:SourceArn");
          }),
        )
        .map(([n]) => n),
  },
  {
    id: "CKV_AWS_103 / CKV2_AWS_74",
    description: "TLS listeners allow TLS 1.2 and later only, with strong ciphers (a named ELBSecurityPolicy-TLS13/TLS-1-2/FS-1-2 policy)",
    check: (s) =>
      each(s, "aws_lb_listener")
        .filter(([, r]) => ["TLS", "HTTPS"].includes(r.protocol) && !/^ELBSecurityPolicy-(TLS13-|TLS-1-2-|FS-1-2-)/.test(r.ssl_policy ?? ""))
        .map(([n]) => n),
  },
  {
    id: "CKV_AWS_341",
    // Deliberately not met where the user gives containers the instance role (containersUseInstanceRole: hop limit 2).
    description: "IMDS hop limit 1: containers on Docker's bridge cannot reach instance metadata",
    check: (s) =>
      ["aws_launch_template", "aws_instance"]
        .flatMap((t) => each(s, t))
        .filter(([, r]) => r.metadata_options?.http_put_response_hop_limit !== undefined && r.metadata_options.http_put_response_hop_limit !== 1)
        .map(([n]) => n),
  },
  {
    id: "CKV_AWS_315",
    description: "Auto Scaling groups launch from a launch template",
    check: (s) =>
      each(s, "aws_autoscaling_group")
        .filter(([, r]) => !r.launch_template?.id && !r.mixed_instances_policy?.launch_template?.launch_template_specification?.launch_template_id)
        .map(([n]) => n),
  },
  {
    id: "CKV_AWS_153",
    // checkov passes any tag block; we also require the library's own ManagedBy tag to reach the instances.
    description: "Auto Scaling groups tag what they launch",
    check: (s) =>
      each(s, "aws_autoscaling_group")
        .filter(([, r]) => !(r.tag ?? []).some((t: Block) => t.key === "ManagedBy" && t.propagate_at_launch === true))
        .map(([n]) => n),
  },
  {
    id: "CKV_AWS_386",
    description: "AMIs from the public SSM parameter or a pinned id; AMI lookups name their owners (trivy AWS-0344)",
    check: (s) => [
      ...plainTemplates(s)
        .filter(([, r]) => !/^(resolve:ssm:\/|ami-)/.test(r.image_id ?? ""))
        .map(([n]) => n),
      ...each(s, "aws_batch_compute_environment")
        .filter(([, r]) => !r.compute_resources?.ec2_configuration?.[0]?.image_type && !r.compute_resources?.image_id)
        .map(([n]) => n),
      ...Object.entries(s.data?.aws_ami ?? {})
        .filter(([, r]) => !(r.owners ?? []).length)
        .map(([n]) => n),
    ],
  },
  {
    id: "CKV_AWS_46",
    description: "no secrets in user data",
    check: (s) =>
      each(s, "aws_launch_template")
        .filter(
          ([, r]) =>
            r.user_data &&
            /AKIA[0-9A-Z]{16}|aws_secret_access_key|password\s*=|BEGIN (RSA|OPENSSH) PRIVATE KEY/i.test(Buffer.from(r.user_data, "base64").toString()),
        )
        .map(([n]) => n),
  },
  {
    id: "CKV_AWS_210",
    description: "Batch job definitions are not privileged",
    check: (s) =>
      each(s, "aws_batch_job_definition")
        .filter(([, r]) => JSON.parse(r.container_properties ?? "{}").privileged === true)
        .map(([n]) => n),
  },
];

/**
 * Rules a workload meets when its user makes the choice (a key, a certificate): the library cannot make it for them.
 * Each names the prop; the tests check that the choice meets the rule and that the default is what the README says.
 */
export interface UserChoiceRule extends BaselineRule {
  /** The resources the rule judges. */
  readonly resourceType: string;
  /** Whether a workload's props make the choice that meets it. */
  chosenBy(props: Record<string, any>): boolean;
}

export const USER_CHOICE_RULES: readonly UserChoiceRule[] = [
  {
    id: "CKV_AWS_158",
    resourceType: "aws_cloudwatch_log_group",
    chosenBy: (props) => props.logKmsKeyArn !== undefined,
    description: "log groups encrypted with a customer-managed KMS key (logKmsKeyArn)",
    check: (s) =>
      each(s, "aws_cloudwatch_log_group")
        .filter(([, r]) => !r.kms_key_id)
        .map(([n]) => n),
  },
  {
    id: "TLS on serving endpoints (ours)",
    resourceType: "aws_lb_listener",
    // Serving.vllm keeps its options under serve.options; a server given in full has them on serve.
    chosenBy: (props) => typeof (props.serve?.options ?? props.serve)?.tls === "object",
    description: 'serving fleets\' listeners terminate TLS (serve.tls: { certificateArn }; "none" is the documented alternative)',
    check: (s) =>
      each(s, "aws_lb_listener")
        .filter(([, r]) => r.protocol !== "TLS")
        .map(([n]) => n),
  },
];
