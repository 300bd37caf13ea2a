using System.Reflection;
using System.Text.Json;

namespace HyperTune.Coordinator.Tests.Hosting;

public sealed class CoordinatorOutputTests
{
    private static string OutputDirectory => typeof(CoordinatorOutputTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CoordinatorOutputDirectory").Value!;

    [Fact]
    public void OutputFolder_OfTheCoordinator_HoldsNoLibtorch()
    {
        Assert.True(File.Exists(Path.Combine(OutputDirectory, "HyperTune.Coordinator.dll")), $"No Coordinator build in {OutputDirectory}");

        var native = Directory.EnumerateFiles(OutputDirectory, "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("libLibTorchSharp", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase))
            .ToArray();

        Assert.Empty(native);
    }

    [Fact]
    public void Dependencies_OfTheCoordinator_NameNeitherTorchSharpNorTheGrains()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "HyperTune.Coordinator.deps.json")));

        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToArray();

        Assert.Contains(libraries, l => l.StartsWith("HyperTune.Abstractions/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.Contains("torch", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(libraries, l => l.StartsWith("HyperTune.Grains/", StringComparison.Ordinal) || l.StartsWith("HyperTune.Training/", StringComparison.Ordinal));
    }
}
