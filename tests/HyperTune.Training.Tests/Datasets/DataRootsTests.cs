using System.Diagnostics;
using HyperTune.Training.Datasets;

namespace HyperTune.Training.Tests.Datasets;

public sealed class DataRootsTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly TempDirectory _outside = new();
    private readonly DataRoots _roots;

    public DataRootsTests()
    {
        _roots = new DataRoots(_root.FullPath);
        _outside.Write("secret.csv", "password,label\nhunter2,x\n");
    }

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void Resolve_FileInside_ItsRealPath()
    {
        Directory.CreateDirectory(_root.FullPathOf("data"));
        _root.Write("data/train.csv", "x,label\n1,a\n");

        Assert.Equal(Path.Combine(_roots.Roots[0], "data", "train.csv"), _roots.Resolve("data/train.csv"));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../etc/passwd")]
    [InlineData("/proc/self/environ")]
    [InlineData("data/../../x.csv")]
    [InlineData(".hypertune/hypertune.db")]
    public void Resolve_PathThatCouldLeave_RefusedByItsText(string path)
    {
        var ex = Assert.Throws<DatasetFormatException>(() => _roots.Resolve(path));

        Assert.Equal(path, ex.FilePath);
        Assert.StartsWith("the path must", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SymlinkInsidePointingOutside_RefusedWithoutNamingEitherFolder()
    {
        File.CreateSymbolicLink(_root.FullPathOf("innocent.csv"), _outside.FullPathOf("secret.csv"));

        var ex = Assert.Throws<DatasetFormatException>(() => _roots.Open("innocent.csv", 4096));

        Assert.Contains("leads out of the data directory", ex.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(_root.FullPath, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_outside.FullPath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FolderLinkInsidePointingOutside_Refused()
    {
        Directory.CreateSymbolicLink(_root.FullPathOf("shared"), _outside.FullPath);

        var ex = Assert.Throws<DatasetFormatException>(() => _roots.Resolve("shared/secret.csv"));

        Assert.Contains("leads out", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RelativeLinkClimbingOut_Refused()
    {
        File.CreateSymbolicLink(_root.FullPathOf("up.csv"), Path.Combine("..", Path.GetFileName(_outside.FullPath), "secret.csv"));

        var ex = Assert.Throws<DatasetFormatException>(() => _roots.Resolve("up.csv"));

        Assert.Contains("leads out", ex.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/proc/self/environ")]
    public void Resolve_LinkToADeviceOrProc_Refused(string target)
    {
        File.CreateSymbolicLink(_root.FullPathOf("data.csv"), target);

        var ex = Assert.Throws<DatasetFormatException>(() => _roots.Resolve("data.csv"));

        Assert.Contains("leads out", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DataDirectoryIsRoot_DevicesAndProcStillRefused()
    {
        var everything = new DataRoots("/");

        Assert.Throws<DatasetFormatException>(() => everything.Resolve("dev/zero"));
        Assert.Throws<DatasetFormatException>(() => everything.Resolve("proc/self/environ"));
    }

    [Fact]
    public async Task Open_FifoInside_RefusedWithoutBlocking()
    {
        using (var mkfifo = Process.Start("mkfifo", [_root.FullPathOf("pipe.csv")])!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Opening a pipe nobody writes would block forever: the guard only keeps a regression from hanging the run.
        var open = Task.Run(() => Assert.Throws<DatasetFormatException>(() => _roots.Open("pipe.csv", 4096)));
        var ex = await open.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Contains("not a regular file", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LinkInsidePointingInside_Allowed()
    {
        _root.Write("real.csv", "x,label\n1,a\n");
        File.CreateSymbolicLink(_root.FullPathOf("alias.csv"), "real.csv");

        Assert.Equal(Path.Combine(_roots.Roots[0], "real.csv"), _roots.Resolve("alias.csv"));
    }

    [Fact]
    public void Resolve_LinkLoop_Refused()
    {
        File.CreateSymbolicLink(_root.FullPathOf("a.csv"), "b.csv");
        File.CreateSymbolicLink(_root.FullPathOf("b.csv"), "a.csv");

        var ex = Assert.Throws<DatasetFormatException>(() => _roots.Resolve("a.csv"));

        Assert.Contains("symbolic links", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Folder_Refused()
    {
        Directory.CreateDirectory(_root.FullPathOf("data"));

        Assert.Contains("a folder", Assert.Throws<DatasetFormatException>(() => _roots.Resolve("data")).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Missing_SaysSoWithoutTheDataDirectory()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => _roots.Resolve("absent.csv"));

        Assert.Equal("absent.csv: the file does not exist in the data directory of the silo", ex.Message);
    }

    [Fact]
    public void Resolve_ExtraRoot_LookedInWhenTheDataDirectoryLacksTheFile()
    {
        var roots = new DataRoots(_root.FullPath, [_outside.FullPath]);

        Assert.Equal(Path.Combine(roots.Roots[1], "secret.csv"), roots.Resolve("secret.csv"));
    }
}
