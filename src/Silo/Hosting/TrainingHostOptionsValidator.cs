using HyperTune.Grains.Training;
using Microsoft.Extensions.Options;

namespace HyperTune.Silo.Hosting;

/// <summary>Checks at start that the silo's directories can be used, so a typo fails the start, not the first trial.</summary>
internal sealed class TrainingHostOptionsValidator : IValidateOptions<TrainingHostOptions>
{
    public ValidateOptionsResult Validate(string? name, TrainingHostOptions options)
    {
        var failures = new List<string>();
        if (!Directory.Exists(options.DataDirectory))
        {
            failures.Add($"HyperTune:Training:DataDirectory '{Path.GetFullPath(options.DataDirectory)}' does not exist.");
        }

        foreach (var root in options.DataRoots)
        {
            if (!Directory.Exists(root))
            {
                failures.Add($"HyperTune:Training:DataRoots entry '{Path.GetFullPath(root)}' does not exist.");
            }
        }

        try
        {
            Directory.CreateDirectory(options.CheckpointDirectory);
            var probe = Path.Combine(options.CheckpointDirectory, ".write-probe-" + Environment.ProcessId);
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failures.Add($"HyperTune:Training:CheckpointDirectory '{Path.GetFullPath(options.CheckpointDirectory)}' is not writable: {e.Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
