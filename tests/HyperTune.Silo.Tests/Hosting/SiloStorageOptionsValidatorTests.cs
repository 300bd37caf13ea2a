using HyperTune.Silo.Hosting;

namespace HyperTune.Silo.Tests.Hosting;

public sealed class SiloStorageOptionsValidatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-silo-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Check_Defaults_SqliteUnderTheDataDirectoryIsValid()
    {
        var options = new SiloStorageOptions();

        Assert.True(SiloStorageOptionsValidator.Check(options, _directory).Succeeded);
        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal(Path.Combine(_directory, ".hypertune", "hypertune.db"), options.EffectiveSqlitePath(_directory));
    }

    [Theory]
    [InlineData(null, "ConnectionString is empty")]
    [InlineData("Database=x", "names no Host")]
    [InlineData("Hots=db", "not a valid PostgreSQL connection string")]
    public void Check_PostgresWithoutAUsableConnectionString_FailsSayingWhy(string? connectionString, string expected)
    {
        var result = SiloStorageOptionsValidator.Check(new SiloStorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString }, _directory);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SqliteFolderNotWritable_Fails()
    {
        var file = Path.Combine(_directory, "a-file");
        File.WriteAllText(file, string.Empty);

        var result = SiloStorageOptionsValidator.Check(new SiloStorageOptions { SqlitePath = Path.Combine(file, "hypertune.db") }, _directory);

        Assert.True(result.Failed);
        Assert.Contains("not writable", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PostgresWithHost_IsValid()
    {
        Assert.True(SiloStorageOptionsValidator.Check(new SiloStorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Database=hypertune" }, _directory).Succeeded);
    }
}
