using HyperTune.Coordinator.Dashboard.Forms;

namespace HyperTune.Dashboard.Tests.Forms;

public sealed class AlgorithmCatalogTests
{
    [Fact]
    public void Kinds_AreEveryBuiltInSearcherAndScheduler_SimplestFirst()
    {
        Assert.Equal(["random", "grid", "tpe"], AlgorithmCatalog.Searchers);
        Assert.Equal(["none", "median", "asha", "hyperband", "pbt", "plateau"], AlgorithmCatalog.Schedulers);
    }

    [Fact]
    public void SchedulerOptions_Asha_NamesEachOptionWithItsDefaultAndMeaning()
    {
        var options = AlgorithmCatalog.SchedulerOptions("asha").ToDictionary(o => o.Name);

        Assert.Equal(["brackets", "grace_period", "max_t", "reduction_factor"], options.Keys.Order());
        Assert.Equal(("1", OptionKind.Number), (options["grace_period"].Default, options["grace_period"].Kind));
        Assert.Equal("", options["max_t"].Default); // from the budget
        Assert.Contains("Default 3", options["reduction_factor"].Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_OfEachKind_HaveTheRightInputs()
    {
        Assert.Equal(OptionKind.Boolean, AlgorithmCatalog.SearcherOptions("tpe").Single(o => o.Name == "constant_liar").Kind);
        Assert.Equal(OptionKind.List, AlgorithmCatalog.SchedulerOptions("pbt").Single(o => o.Name == "perturbation_factors").Kind);
        Assert.Empty(AlgorithmCatalog.SchedulerOptions("none"));
        Assert.Empty(AlgorithmCatalog.SearcherOptions("no-such-searcher"));
    }
}
