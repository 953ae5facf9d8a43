using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace FormsService.Tests.Deployment;

/// <summary>
/// Checks the Kubernetes manifests in deploy/kubernetes and the Dockerfile against what the service
/// does: its port, its health routes, its user, and where its API key comes from.
/// </summary>
public sealed class KubernetesManifestTests
{
    private const int ServicePort = 8080;
    private const string ReadyPath = "/health/ready";
    private const string LivePath = "/health/live";

    private static readonly Lazy<Manifests> All = new(Manifests.Load);

    private static Manifests M => All.Value;

    [Fact]
    public void Deployment_runs_three_replicas_and_selects_its_own_pods()
    {
        Assert.Equal(3, Int(M.Deployment, "spec", "replicas"));
        Assert.True(M.PodLabels.Count > 0, "the pod template has no labels");
        AssertSubset(Labels(Map(M.Deployment, "spec", "selector", "matchLabels")), M.PodLabels, "the Deployment's selector");
    }

    [Fact]
    public void Container_port_is_8080()
    {
        var ports = Seq(M.Container, "ports").Cast<YamlMappingNode>().ToList();
        Assert.Contains(ports, p => Int(p, "containerPort") == ServicePort);
    }

    [Fact]
    public void Readiness_probe_asks_health_ready_on_the_container_port()
    {
        var probe = Map(M.Container, "readinessProbe", "httpGet");
        Assert.Equal(ReadyPath, Str(probe, "path"));
        Assert.Equal(ServicePort, ResolvePort(Scalar(probe, "port")));
    }

    [Fact]
    public void Liveness_probe_asks_health_live_on_the_container_port()
    {
        var probe = Map(M.Container, "livenessProbe", "httpGet");
        Assert.Equal(LivePath, Str(probe, "path"));
        Assert.Equal(ServicePort, ResolvePort(Scalar(probe, "port")));
    }

    [Fact]
    public void Service_is_cluster_ip_on_port_80_and_targets_the_container_port()
    {
        Assert.Equal("ClusterIP", Str(M.Service, "spec", "type"));
        var port = Seq(M.Service, "spec", "ports").Cast<YamlMappingNode>().Single();
        Assert.Equal(80, Int(port, "port"));
        Assert.Equal(ServicePort, ResolvePort(Scalar(port, "targetPort")));
        AssertSubset(Labels(Map(M.Service, "spec", "selector")), M.PodLabels, "the Service's selector");
    }

    [Fact]
    public void Pod_runs_as_non_root_uid_10001()
    {
        var pod = Map(M.PodSpec, "securityContext");
        var container = Map(M.Container, "securityContext");
        Assert.True(Bool(container, "runAsNonRoot") ?? Bool(pod, "runAsNonRoot"), "runAsNonRoot is not true");
        var uid = TryInt(container, "runAsUser") ?? TryInt(pod, "runAsUser");
        Assert.Equal(10001, uid);
        Assert.Equal("10001", M.DockerfileUser.Split(':')[0]);
    }

    [Fact]
    public void Root_filesystem_is_read_only_with_a_writable_tmp()
    {
        var sc = Map(M.Container, "securityContext");
        Assert.True(Bool(sc, "readOnlyRootFilesystem"), "readOnlyRootFilesystem is not true");
        Assert.False(Bool(sc, "allowPrivilegeEscalation") ?? true, "allowPrivilegeEscalation is not false");
        var drop = Seq(sc, "capabilities", "drop").Select(n => ((YamlScalarNode)n).Value).ToList();
        Assert.Contains("ALL", drop);

        var tmp = Seq(M.Container, "volumeMounts").Cast<YamlMappingNode>()
            .SingleOrDefault(v => Str(v, "mountPath") == "/tmp");
        Assert.NotNull(tmp);
        var volume = Seq(M.PodSpec, "volumes").Cast<YamlMappingNode>()
            .Single(v => Str(v, "name") == Str(tmp, "name"));
        Assert.True(volume.Children.ContainsKey(new YamlScalarNode("emptyDir")), "/tmp is not an emptyDir");
    }

    [Fact]
    public void Resource_requests_and_limits_are_set_and_consistent()
    {
        var resources = Map(M.Container, "resources");
        foreach (var kind in new[] { "cpu", "memory" })
        {
            var request = Quantity(Str(resources, "requests", kind));
            var limit = Quantity(Str(resources, "limits", kind));
            Assert.True(request > 0, $"no {kind} request");
            Assert.True(limit >= request, $"the {kind} limit is below the request");
        }
    }

    [Fact]
    public void The_memory_budget_is_set_and_the_limit_leaves_room_beyond_it()
    {
        var env = Seq(M.Container, "env").Cast<YamlMappingNode>().SingleOrDefault(e => Str(e, "name") == "Rendering__MemoryBudgetMb");
        Assert.True(env is not null, "the Deployment does not set Rendering__MemoryBudgetMb");
        var budget = decimal.Parse(Str(env!, "value"), CultureInfo.InvariantCulture) * 1024 * 1024;
        var limit = Quantity(Str(M.Container, "resources", "limits", "memory"));
        var request = Quantity(Str(M.Container, "resources", "requests", "memory"));
        // Idle RSS is about 100 MB and the runtime's own garbage between collections about as much again
        // (tests/load/attacks.py): the limit must hold the budget and 256 MB more; the request the budget's half.
        Assert.True(limit - budget >= 256m * 1024 * 1024, $"the limit leaves {(limit - budget) / 1024 / 1024:0} MB beyond the budget");
        Assert.True(request >= budget / 2 + 128m * 1024 * 1024, "the memory request is below idle plus half the budget");
    }

    [Fact]
    public void Api_key_comes_from_the_secret()
    {
        var env = Seq(M.Container, "env").Cast<YamlMappingNode>().Single(e => Str(e, "name") == "Auth__ApiKeys__0");
        Assert.False(env.Children.ContainsKey(new YamlScalarNode("value")), "the API key is written in the manifest");
        var secretRef = Map(env, "valueFrom", "secretKeyRef");
        Assert.Equal("formsservice-api-keys", Str(secretRef, "name"));
        Assert.Equal("key0", Str(secretRef, "key"));

        // The template names the same Secret and key, with a placeholder rather than a key.
        var template = M.Documents["secret.example.yaml"].Single();
        Assert.Equal("Secret", Str(template, "kind"));
        Assert.Equal("formsservice-api-keys", Str(template, "metadata", "name"));
        var data = Map(template, "stringData");
        Assert.Contains("REPLACE", Str(data, "key0"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Hpa_scales_the_deployment_on_cpu_from_three_to_ten()
    {
        Assert.Equal("autoscaling/v2", Str(M.Hpa, "apiVersion"));
        var target = Map(M.Hpa, "spec", "scaleTargetRef");
        Assert.Equal("Deployment", Str(target, "kind"));
        Assert.Equal("apps/v1", Str(target, "apiVersion"));
        Assert.Equal(Str(M.Deployment, "metadata", "name"), Str(target, "name"));
        Assert.Equal(3, Int(M.Hpa, "spec", "minReplicas"));
        Assert.Equal(10, Int(M.Hpa, "spec", "maxReplicas"));
        Assert.True(Int(M.Hpa, "spec", "minReplicas") <= Int(M.Deployment, "spec", "replicas"));

        var cpu = Seq(M.Hpa, "spec", "metrics").Cast<YamlMappingNode>()
            .Single(m => Str(m, "type") == "Resource" && Str(m, "resource", "name") == "cpu");
        Assert.Equal("Utilization", Str(cpu, "resource", "target", "type"));
        Assert.Equal(70, Int(cpu, "resource", "target", "averageUtilization"));
    }

    [Fact]
    public void Pdb_selects_the_pods_and_keeps_two_available()
    {
        Assert.Equal("policy/v1", Str(M.Pdb, "apiVersion"));
        Assert.Equal(2, Int(M.Pdb, "spec", "minAvailable"));
        Assert.True(Int(M.Pdb, "spec", "minAvailable") < Int(M.Deployment, "spec", "replicas"),
            "minAvailable must leave room for a voluntary disruption");
        AssertSubset(Labels(Map(M.Pdb, "spec", "selector", "matchLabels")), M.PodLabels, "the PDB's selector");
    }

    [Fact]
    public void Kustomization_lists_every_manifest_that_exists()
    {
        var resources = Seq(M.Kustomization, "resources").Select(n => ((YamlScalarNode)n).Value!).ToList();
        foreach (var file in new[] { "deployment.yaml", "service.yaml", "hpa.yaml", "pdb.yaml" })
            Assert.Contains(file, resources);
        foreach (var file in resources)
            Assert.True(File.Exists(Path.Combine(M.Folder, file)), $"kustomization lists a missing {file}");
    }

    [Fact]
    public void Dockerfile_exposes_8080_and_checks_health_ready()
    {
        var instructions = M.Dockerfile;
        Assert.Contains(instructions, i => Regex.IsMatch(i, @"^EXPOSE\s+(.*\s)?8080(/tcp)?(\s|$)", RegexOptions.IgnoreCase));
        var healthcheck = instructions.Where(i => i.StartsWith("HEALTHCHECK", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Single(healthcheck);
        Assert.Contains(ReadyPath, healthcheck[0]);
        Assert.Contains("8080", healthcheck[0]);
        Assert.DoesNotContain("HEALTHCHECK NONE", healthcheck[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(instructions, i => Regex.IsMatch(i, @"^ENV\s.*ASPNETCORE_HTTP_PORTS=8080", RegexOptions.IgnoreCase));
        Assert.Contains(instructions, i => i.StartsWith("ENTRYPOINT", StringComparison.OrdinalIgnoreCase));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static int ResolvePort(YamlScalarNode port)
    {
        if (int.TryParse(port.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        // A named port: look it up among the container's ports.
        var named = Seq(M.Container, "ports").Cast<YamlMappingNode>().SingleOrDefault(p => Str(p, "name") == port.Value);
        Assert.True(named is not null, $"no container port is named '{port.Value}'");
        return Int(named, "containerPort");
    }

    private static void AssertSubset(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels, string what)
    {
        Assert.True(selector.Count > 0, $"{what} is empty");
        foreach (var (key, value) in selector)
            Assert.True(labels.TryGetValue(key, out var actual) && actual == value,
                $"{what} wants {key}={value}, the pod template has {(actual is null ? "no such label" : key + "=" + actual)}");
    }

    private static Dictionary<string, string> Labels(YamlMappingNode node) =>
        node.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);

    /// <summary>A Kubernetes quantity in base units (cores or bytes): 500m, 2, 256Mi, 1G.</summary>
    private static decimal Quantity(string text)
    {
        var match = Regex.Match(text, @"^([0-9.]+)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$");
        Assert.True(match.Success, $"'{text}' is not a quantity");
        var value = decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return value * match.Groups[2].Value switch
        {
            "" => 1m,
            "m" => 0.001m,
            "k" => 1e3m, "M" => 1e6m, "G" => 1e9m, "T" => 1e12m,
            "Ki" => 1024m, "Mi" => 1024m * 1024, "Gi" => 1024m * 1024 * 1024, "Ti" => 1024m * 1024 * 1024 * 1024,
            _ => throw new InvalidOperationException(text),
        };
    }

    private static YamlNode Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            Assert.True(node is YamlMappingNode, $"'{key}': its parent is not a mapping");
            var map = (YamlMappingNode)node;
            Assert.True(map.Children.TryGetValue(new YamlScalarNode(key), out var child), $"missing '{string.Join('.', path)}'");
            node = child!;
        }
        return node;
    }

    private static YamlNode? TryNode(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
                return null;
            node = child;
        }
        return node;
    }

    private static YamlMappingNode Map(YamlNode node, params string[] path) =>
        Assert.IsType<YamlMappingNode>(Node(node, path));

    private static YamlSequenceNode Seq(YamlNode node, params string[] path) =>
        Assert.IsType<YamlSequenceNode>(Node(node, path));

    private static YamlScalarNode Scalar(YamlNode node, params string[] path) =>
        Assert.IsType<YamlScalarNode>(Node(node, path));

    private static string Str(YamlNode node, params string[] path) => Scalar(node, path).Value ?? "";

    private static int Int(YamlNode node, params string[] path) =>
        int.Parse(Str(node, path), NumberStyles.None, CultureInfo.InvariantCulture);

    private static int? TryInt(YamlNode node, params string[] path) =>
        TryNode(node, path) is YamlScalarNode { Value: { } v } ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    private static bool? Bool(YamlNode node, params string[] path) =>
        TryNode(node, path) is YamlScalarNode { Value: { } v } ? bool.Parse(v) : null;

    /// <summary>The parsed manifests and Dockerfile, found by walking up from the test's output folder.</summary>
    private sealed class Manifests
    {
        public required string Folder { get; init; }
        public required IReadOnlyDictionary<string, IReadOnlyList<YamlMappingNode>> Documents { get; init; }
        public required IReadOnlyList<string> Dockerfile { get; init; }

        public YamlMappingNode Deployment => Kind("Deployment");
        public YamlMappingNode Service => Kind("Service");
        public YamlMappingNode Hpa => Kind("HorizontalPodAutoscaler");
        public YamlMappingNode Pdb => Kind("PodDisruptionBudget");
        public YamlMappingNode Kustomization => Documents["kustomization.yaml"].Single();
        public YamlMappingNode PodSpec => Map(Deployment, "spec", "template", "spec");
        public YamlMappingNode Container => Seq(PodSpec, "containers").Cast<YamlMappingNode>().Single();
        public IReadOnlyDictionary<string, string> PodLabels => Labels(Map(Deployment, "spec", "template", "metadata", "labels"));

        /// <summary>The user of the Dockerfile's last stage.</summary>
        public string DockerfileUser =>
            Dockerfile.Last(i => i.StartsWith("USER ", StringComparison.OrdinalIgnoreCase))[5..].Trim();

        private YamlMappingNode Kind(string kind)
        {
            var found = Documents.Where(d => d.Key != "secret.example.yaml")
                .SelectMany(d => d.Value).Where(d => TryNode(d, "kind") is YamlScalarNode { Value: var k } && k == kind).ToList();
            Assert.True(found.Count == 1, $"expected one {kind} in deploy/kubernetes, found {found.Count}");
            return found[0];
        }

        public static Manifests Load()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "deploy", "kubernetes")))
                dir = dir.Parent;
            Assert.True(dir is not null, $"no deploy/kubernetes above {AppContext.BaseDirectory}");
            var folder = Path.Combine(dir.FullName, "deploy", "kubernetes");

            var documents = new Dictionary<string, IReadOnlyList<YamlMappingNode>>();
            foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                var stream = new YamlStream();
                using (var reader = new StreamReader(file))
                    stream.Load(reader);
                documents[Path.GetFileName(file)] = stream.Documents
                    .Where(d => d.RootNode is YamlMappingNode)
                    .Select(d => (YamlMappingNode)d.RootNode).ToList();
            }

            return new Manifests
            {
                Folder = folder,
                Documents = documents,
                Dockerfile = DockerInstructions(File.ReadAllLines(Path.Combine(dir.FullName, "Dockerfile"))),
            };
        }

        /// <summary>The Dockerfile's instructions, continuation lines joined, comments dropped.</summary>
        private static List<string> DockerInstructions(string[] lines)
        {
            var instructions = new List<string>();
            var current = "";
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
                    continue;
                var continues = line.EndsWith('\\');
                current += (current.Length > 0 ? " " : "") + (continues ? line[..^1].TrimEnd() : line);
                if (!continues)
                {
                    if (current.Length > 0)
                        instructions.Add(current);
                    current = "";
                }
            }
            if (current.Length > 0)
                instructions.Add(current);
            return instructions;
        }
    }
}
