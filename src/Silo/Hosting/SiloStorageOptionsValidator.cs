using HyperTune.Grains.Training;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HyperTune.Silo.Hosting;

/// <summary>Checks the storage choice at start, so a typo stops the silo with a clear message instead of failing later.</summary>
internal sealed class SiloStorageOptionsValidator(IOptions<TrainingHostOptions> training) : IValidateOptions<SiloStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloStorageOptions options) => Check(options, training.Value.DataDirectory);

    /// <summary>The problems of <paramref name="options"/>, with <paramref name="dataDirectory"/> for SQLite's default path.</summary>
    public static ValidateOptionsResult Check(SiloStorageOptions options, string dataDirectory)
    {
        var failures = new List<string>();
        switch (options.Provider)
        {
            case StorageProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    failures.Add("HyperTune:Storage:Provider is postgres, but HyperTune:Storage:ConnectionString is empty; give an Npgsql connection string such as 'Host=db;Database=hypertune;Username=hypertune;Password=…'.");
                }
                else
                {
                    try
                    {
                        var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                        if (string.IsNullOrWhiteSpace(parsed.Host))
                        {
                            failures.Add("HyperTune:Storage:ConnectionString names no Host.");
                        }
                    }
                    catch (ArgumentException e)
                    {
                        failures.Add($"HyperTune:Storage:ConnectionString is not a valid PostgreSQL connection string: {e.Message}");
                    }
                }

                break;
            case StorageProvider.Sqlite:
                var path = options.EffectiveSqlitePath(dataDirectory);
                try
                {
                    var directory = Path.GetDirectoryName(path)!;
                    Directory.CreateDirectory(directory);
                    var probe = Path.Combine(directory, ".write-probe-" + Environment.ProcessId);
                    File.WriteAllText(probe, string.Empty);
                    File.Delete(probe);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failures.Add($"HyperTune:Storage:SqlitePath '{path}': its folder is not writable: {e.Message}");
                }

                break;
            case StorageProvider.Memory:
                break;
            default:
                failures.Add($"HyperTune:Storage:Provider '{options.Provider}' is not one of sqlite, postgres, memory.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
