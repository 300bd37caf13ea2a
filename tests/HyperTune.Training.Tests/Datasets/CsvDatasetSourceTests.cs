using System.Globalization;
using System.IO.Compression;
using System.Text;
using HyperTune.Search;
using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;
using Xunit;

namespace HyperTune.Training.Tests.Datasets;

public sealed class CsvDatasetSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly CsvDatasetSource _source;

    public CsvDatasetSourceTests() => _source = new CsvDatasetSource(new DataRoots(_temp.FullPath));

    public void Dispose() => _temp.Dispose();

    private static DatasetSpec Spec(string path, string label = "label") => new()
    {
        Kind = DatasetKinds.Csv,
        Path = path,
        LabelColumn = label,
        Standardize = false,
    };

    private PreparedDataset Load(DatasetSpec spec) => _source.Load(spec, CancellationToken.None);

    private DatasetFormatException LoadFails(DatasetSpec spec) =>
        Assert.Throws<DatasetFormatException>(() => Load(spec));

    /// <summary>Rows <c>id,value,label</c> with the given labels cycling, ids 0, 1, 2, ….</summary>
    private static string Rows(int count, params string[] labels)
    {
        var text = new StringBuilder("id,value,label\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{i * 10},{labels[i % labels.Length]}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Load_StringLabels_ClassNamesMapBackToEveryOriginalLabel()
    {
        string[] labels = ["setosa", "\"versi, color\"", "virginica"];
        var path = _temp.Write("iris.csv", Rows(30, labels));

        var dataset = Load(Spec(path));

        Assert.Equal(TaskKind.Classification, dataset.Task);
        Assert.Equal(["setosa", "versi, color", "virginica"], dataset.ClassNames);
        Assert.Equal(3, dataset.OutputCount);
        Assert.Equal(["id", "value"], dataset.FeatureNames);
        Assert.Equal(30, dataset.Train.Count + dataset.Validation.Count);
        foreach (var split in new[] { dataset.Train, dataset.Validation })
        {
            for (var i = 0; i < split.Count; i++)
            {
                var id = (int)split.GetRow(i)[0];
                Assert.Equal(labels[id % 3].Trim('"'), dataset.ClassNames[(int)split.ClassLabels![i]]);
                Assert.Equal(id * 10, split.GetRow(i)[1]);
            }
        }
    }

    [Fact]
    public void Load_IntegerLabels_OrderedNumerically()
    {
        var path = _temp.Write("ints.csv", Rows(12, "10", "2", "1"));

        var dataset = Load(Spec(path));

        Assert.Equal(["1", "2", "10"], dataset.ClassNames);
        foreach (var split in new[] { dataset.Train, dataset.Validation })
        {
            for (var i = 0; i < split.Count; i++)
            {
                // Rows 0, 3, 6, … are labeled "10" (class 2), rows 1, 4, … "2" (class 1), rows 2, 5, … "1" (class 0).
                var id = (int)split.GetRow(i)[0];
                Assert.Equal(2 - (id % 3), split.ClassLabels![i]);
            }
        }
    }

    [Fact]
    public void Load_QuotedFieldsAndCrLf_Parsed()
    {
        var path = _temp.Write(
            "quoted.csv",
            "\"first, feature\",\"label\"\r\n\"1.5\",\"a, \"\"x\"\"\"\r\n 2.5 ,b\r\n\"3.5\",\"a, \"\"x\"\"\"\r\n4.5,b\r\n\r\n");

        var dataset = Load(Spec(path));

        Assert.Equal(["first, feature"], dataset.FeatureNames);
        Assert.Equal(["a, \"x\"", "b"], dataset.ClassNames);
        Assert.Equal([1.5f, 2.5f, 3.5f, 4.5f], dataset.Train.Features.Concat(dataset.Validation.Features).Order());
    }

    [Fact]
    public void Load_Regression_ParsesLabelAsTarget()
    {
        var text = new StringBuilder("x,y\n");
        for (var i = 0; i < 20; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{i * 0.5}\n");
        }

        var path = _temp.Write("reg.csv", text.ToString());

        var dataset = Load(Spec(path, "y") with { Task = TaskKind.Regression });

        Assert.Equal(TaskKind.Regression, dataset.Task);
        Assert.Equal(1, dataset.OutputCount);
        Assert.Empty(dataset.ClassNames);
        Assert.Equal(4, dataset.Validation.Count);
        foreach (var split in new[] { dataset.Train, dataset.Validation })
        {
            for (var i = 0; i < split.Count; i++)
            {
                Assert.Equal(split.GetRow(i)[0] * 0.5f, split.Targets![i]);
            }
        }
    }

    [Fact]
    public void Load_Standardize_FitsOnTrainingRows()
    {
        var path = _temp.Write("std.csv", Rows(40, "a", "b"));

        var dataset = Load(Spec(path) with { Standardize = true });

        Assert.NotNull(dataset.Standardizer);
        for (var j = 0; j < 2; j++)
        {
            var column = Enumerable.Range(0, dataset.Train.Count).Select(i => (double)dataset.Train.GetRow(i)[j]).ToArray();
            Assert.Equal(0, column.Average(), 4);
        }
    }

    [Fact]
    public void Load_NonNumericValue_ThrowsNamingFileLineAndColumn()
    {
        var path = _temp.Write("bad.csv", "id,age,label\n1,20,a\n2,abc,b\n");

        var ex = LoadFails(Spec(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Equal(3, ex.Line);
        Assert.Equal(2, ex.Column);
        Assert.Equal("age", ex.ColumnName);
        Assert.Equal($"{path}:3:2 (column 'age'): 'abc' is not a number", ex.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    public void Load_NonFiniteValue_Throws(string value)
    {
        var path = _temp.Write("nan.csv", $"x,label\n1,a\n{value},b\n");

        var ex = LoadFails(Spec(path));

        Assert.Equal(3, ex.Line);
        Assert.Equal(1, ex.Column);
        Assert.Contains($"'{value}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongColumnCount_ThrowsNamingLineAndFirstMissingColumn()
    {
        var path = _temp.Write("short.csv", "a,b,c,d,label\n1,2,3,4,x\n1,2,3,y\n");

        var ex = LoadFails(Spec(path));

        Assert.Equal(3, ex.Line);
        Assert.Equal(5, ex.Column);
        Assert.Equal("label", ex.ColumnName);
        Assert.Equal($"{path}:3:5 (column 'label'): expected 5 columns, found 4", ex.Message);
    }

    [Fact]
    public void Load_ExtraColumn_ThrowsNamingFirstExtraColumn()
    {
        var path = _temp.Write("long.csv", "a,label\n1,x\n2,y,3\n");

        var ex = LoadFails(Spec(path));

        Assert.Equal(3, ex.Line);
        Assert.Equal(3, ex.Column);
        Assert.Contains("expected 2 columns, found 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabelColumnDiffersInCase_Found()
    {
        var path = _temp.Write("case.csv", Rows(10, "a", "b"));

        var dataset = Load(Spec(path, "LABEL"));

        Assert.Equal(["a", "b"], dataset.ClassNames);
    }

    [Fact]
    public void Load_EmptyFile_ThrowsNamingLineOne()
    {
        var path = _temp.Write("empty.csv", "");

        var ex = LoadFails(Spec(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Equal(1, ex.Line);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HeaderOnly_Throws()
    {
        var path = _temp.Write("header.csv", "x,label\n");

        var ex = LoadFails(Spec(path));

        Assert.Equal(2, ex.Line);
        Assert.Contains("no data rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingLabelColumn_ThrowsListingColumns()
    {
        var path = _temp.Write("nolabel.csv", "age,height,class\n1,2,a\n");

        var ex = LoadFails(Spec(path, "species"));

        Assert.Equal(1, ex.Line);
        Assert.Contains("'species'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("age, height, class", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SingleClass_ThrowsNamingLabelColumn()
    {
        var path = _temp.Write("one.csv", Rows(10, "only"));

        var ex = LoadFails(Spec(path));

        Assert.Equal(1, ex.Line);
        Assert.Equal(3, ex.Column);
        Assert.Equal("label", ex.ColumnName);
        Assert.Contains("at least 2 classes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingValueWithDefaultPolicy_ThrowsNamingCell()
    {
        var path = _temp.Write("gap.csv", "id,age,label\n1,20,a\n2,30,b\n3,,a\n");

        var ex = LoadFails(Spec(path));

        Assert.Equal(4, ex.Line);
        Assert.Equal(2, ex.Column);
        Assert.Equal("age", ex.ColumnName);
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DropRow_SkipsRowsWithEmptyCellsAndCountsThem()
    {
        var text = Rows(20, "a", "b") + "20,,a\n21,210,\n";
        var path = _temp.Write("drop.csv", text);

        var dataset = Load(Spec(path) with { MissingValues = MissingValuePolicy.DropRow });

        Assert.Equal(2, dataset.DroppedRows);
        Assert.Equal(20, dataset.Train.Count + dataset.Validation.Count);
        Assert.DoesNotContain(dataset.Train.Features, float.IsNaN);
    }

    [Fact]
    public void Load_FillMean_FillsWithTrainingMeanInBothSplits()
    {
        var train = _temp.Write("train.csv", "x,y,label\n1,5,a\n3,5,b\n,5,a\n");
        var validation = _temp.Write("valid.csv", "x,y,label\n,5,b\n100,5,a\n");

        var dataset = Load(Spec(train) with { ValidationPath = validation, MissingValues = MissingValuePolicy.FillMean });

        Assert.Equal(2, dataset.FilledValues);
        Assert.Equal(2f, dataset.Train.GetRow(2)[0]);
        Assert.Equal(2f, dataset.Validation.GetRow(0)[0]);
        Assert.Equal(100f, dataset.Validation.GetRow(1)[0]);
    }

    [Fact]
    public void Load_ValidationPath_UsesTheFileInsteadOfASplit()
    {
        var train = _temp.Write("train.csv", Rows(10, "a", "b"));
        var validation = _temp.Write("valid.csv", "id,value,label\n100,1,b\n101,2,a\n102,3,b\n");

        var dataset = Load(Spec(train) with { ValidationPath = validation });

        Assert.Equal(10, dataset.Train.Count);
        Assert.Equal(3, dataset.Validation.Count);
        Assert.Equal([1L, 0L, 1L], dataset.Validation.ClassLabels!);
        Assert.Equal(100f, dataset.Validation.GetRow(0)[0]);
    }

    [Fact]
    public void Load_ValidationPathWithUnseenLabel_ThrowsNamingValidationFileAndLine()
    {
        var train = _temp.Write("train.csv", Rows(10, "a", "b"));
        var validation = _temp.Write("valid.csv", "id,value,label\n100,1,b\n101,2,c\n");

        var ex = LoadFails(Spec(train) with { ValidationPath = validation });

        Assert.Equal(validation, ex.FilePath);
        Assert.Equal(3, ex.Line);
        Assert.Equal(3, ex.Column);
        Assert.Contains("'c'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidationPathWithOtherHeader_Throws()
    {
        var train = _temp.Write("train.csv", Rows(10, "a", "b"));
        var validation = _temp.Write("valid.csv", "id,label,value\n100,b,1\n");

        var ex = LoadFails(Spec(train) with { ValidationPath = validation });

        Assert.Equal(validation, ex.FilePath);
        Assert.Equal(1, ex.Line);
        Assert.Equal(2, ex.Column);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingPath()
    {
        const string path = "absent.csv";

        var ex = LoadFails(Spec(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Null(ex.Line);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TooFewRowsPerClass_Throws()
    {
        var path = _temp.Write("tiny.csv", Rows(2, "a", "b"));

        var ex = LoadFails(Spec(path));

        Assert.Contains("too few", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RelativePath_ResolvedAgainstBaseDirectory()
    {
        _temp.Write("rel.csv", Rows(10, "a", "b"));
        var source = new CsvDatasetSource(_temp.FullPath);

        var dataset = source.Load(Spec("rel.csv"), CancellationToken.None);

        Assert.Equal(10, dataset.Train.Count + dataset.Validation.Count);
        Assert.StartsWith("csv rel.csv", dataset.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GzipFile_Decompressed()
    {
        const string path = "rows.csv.gz";
        using (var file = File.Create(_temp.FullPathOf(path)))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Rows(10, "a", "b")));
        }

        var dataset = Load(Spec(path));

        Assert.Equal(10, dataset.Train.Count + dataset.Validation.Count);
    }

    [Fact]
    public void Load_CorruptGzip_ThrowsNamingFile()
    {
        var path = _temp.Write("broken.csv.gz", "this is not gzip");

        var ex = LoadFails(Spec(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Contains("cannot be read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoLabelColumnInSpec_ThrowsArgumentException()
    {
        var path = _temp.Write("rows.csv", Rows(10, "a", "b"));

        Assert.Throws<ArgumentException>(() => Load(Spec(path) with { LabelColumn = null }));
    }

    [Fact]
    public void Load_BadCellAtLine5Column3_LocationNamesFileLineAndColumn()
    {
        var path = _temp.Write("cells.csv", "a,b,c,label\n1,2,3,x\n1,2,3,y\n1,2,3,x\n1,2,hunter2,y\n");

        var ex = LoadFails(Spec(path));

        Assert.Equal("cells.csv, line 5, column 3 ('c')", ex.Location);
        Assert.Equal("'hunter2' is not a number", ex.Detail);
    }

    [Fact]
    public void Load_MissingFile_NamesThePathAsWrittenNotTheDataDirectory()
    {
        var ex = LoadFails(Spec("data/absent.csv"));

        Assert.Equal("data/absent.csv", ex.FilePath);
        Assert.DoesNotContain(_temp.FullPath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileLargerThanTheLimit_RefusedBeforeReading()
    {
        var path = _temp.Write("large.csv", Rows(100, "a", "b"));
        var source = new CsvDatasetSource(new DataRoots(_temp.FullPath), maxBytes: 100);

        var ex = Assert.Throws<DatasetFormatException>(() => source.Load(Spec(path), CancellationToken.None));

        Assert.Contains("more than 100 bytes", ex.Detail, StringComparison.Ordinal);
        Assert.Contains("HyperTune:Limits:MaxDatasetBytes", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GzipInflatingBeyondTheLimit_StopsAtTheLimit()
    {
        const string path = "bomb.csv.gz";
        using (var file = File.Create(_temp.FullPathOf(path)))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.UTF8.GetBytes("x,label\n"));
            var zeros = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("0,a\n", 1 << 16)));
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros); // 16 MiB of text in a file of a few KiB
            }
        }

        var source = new CsvDatasetSource(new DataRoots(_temp.FullPath), maxBytes: 1 << 20);

        var ex = Assert.Throws<DatasetFormatException>(() => source.Load(Spec(path), CancellationToken.None));

        Assert.True(new FileInfo(_temp.FullPathOf(path)).Length < 1 << 20);
        Assert.Contains("more than 1,048,576 bytes", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LineLongerThanTheLimit_RefusedNamingTheLine()
    {
        var path = _temp.Write("long-line.csv", "x,label\n1,a\n" + new string('9', CsvRecordReader.MaxRecordLength + 1));

        var ex = LoadFails(Spec(path));

        Assert.Equal(3, ex.Line);
        Assert.Contains("longer than 1,048,576 characters", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PathLeavingTheDataDirectory_RefusedWithoutReading()
    {
        var ex = LoadFails(Spec("../" + Path.GetFileName(_temp.FullPath) + "/x.csv"));

        Assert.Contains("'..' is not allowed", ex.Detail, StringComparison.Ordinal);
    }
}
