using System.Text;
using HyperTune.Coordinator.Dashboard;
using HyperTune.Coordinator.Dashboard.Forms;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HyperTune.Dashboard.Tests.Forms;

public sealed class CsvUploadsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hypertune-uploads-").FullName;

    [Fact]
    public async Task SaveAsync_Csv_StoresItUnderANameOfItsOwnAndReturnsTheSpecPath()
    {
        var uploads = Uploads(_directory);

        var path = await uploads.SaveAsync(Content("a,b\n1,2\n"), "../../etc/my data.CSV", CancellationToken.None);

        Assert.StartsWith(".hypertune/uploads/20260102-030405-", path, StringComparison.Ordinal);
        Assert.EndsWith("-mydata.csv", path, StringComparison.Ordinal);
        var stored = Assert.Single(Directory.GetFiles(_directory));
        Assert.Equal(Path.GetFileName(path), Path.GetFileName(stored));
        Assert.Equal("a,b\n1,2\n", await File.ReadAllTextAsync(stored));
    }

    [Theory]
    [InlineData("spec.json", "a,b\n", "Only .csv")]
    [InlineData("empty.csv", "", "empty")]
    [InlineData("big.csv", "x", "larger than")]
    public async Task SaveAsync_BadFile_IsRefusedAndLeavesNothing(string name, string content, string message)
    {
        var uploads = Uploads(_directory, maxBytes: name == "big.csv" ? 1024 : 50 * 1024 * 1024);
        var body = name == "big.csv" ? new string('x', 5000) : content;

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => uploads.SaveAsync(Content(body), name, CancellationToken.None));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task SaveAsync_NoUploadDirectory_IsOff()
    {
        var uploads = Uploads(null);

        Assert.False(uploads.Enabled);
        await Assert.ThrowsAsync<InvalidDataException>(() => uploads.SaveAsync(Content("a\n"), "a.csv", CancellationToken.None));
    }

    [Theory]
    [InlineData("my data", "mydata")]
    [InlineData("../..", "data")]
    [InlineData("été_2024-v1", "t_2024-v1")]
    public void Sanitize_Name_KeepsOnlySafeCharacters(string name, string expected) => Assert.Equal(expected, CsvUploads.Sanitize(name));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CsvUploads Uploads(string? directory, long maxBytes = 50 * 1024 * 1024) => new(
        Options.Create(new DashboardOptions { UploadDirectory = directory, UploadSpecPath = ".hypertune/uploads", MaxUploadBytes = maxBytes }),
        new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));

    private static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));
}
