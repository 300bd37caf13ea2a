using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Serialization;
using HyperTune.Abstractions.Trials;
using HyperTune.Grains.Studies.Effects;
using HyperTune.Grains.Tests.Studies.Control;
using HyperTune.Search.Values;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace HyperTune.Grains.Tests.Studies.Commands;

/// <summary>Forking a trial through the study core: checked, counted against the budget, launched first, kept with its origin.</summary>
public sealed class ForkTrialTests
{
    private static TrialForkRequest Request(string source, int? epoch = null, params (string Name, ParameterValue Value)[] overrides) =>
        new(source, new TrialConfig(overrides.Select(o => KeyValuePair.Create(o.Name, o.Value))), epoch);

    /// <summary>A study of <paramref name="maxTrials"/> trials, two of them started and training.</summary>
    private static StudyHarness Training(int maxTrials = 5, int concurrency = 2, int epochs = 10)
    {
        var study = new StudyHarness();
        study.Start(StudyHarness.Spec(maxTrials: maxTrials, concurrency: concurrency, epochs: epochs));
        foreach (var start in study.LaunchAll())
        {
            study.Began(start.TrialId);
            study.Epoch(start.TrialId, 1, 0.5);
        }

        study.Reservations.Clear();
        return study;
    }

    [Fact]
    public void Fork_ALatestCheckpoint_StartsANewTrialFromItWithTheNewLearningRate_AndTheSourceTrainsOn()
    {
        var study = Training();

        var result = study.Core.Fork(Request("s-0001", null, ("learning_rate", 1e-4)), [2, 4]);
        var reserved = study.Take();

        Assert.True(result.Result.Accepted, result.Result.Error);
        Assert.Equal(("s-0003", 4), (result.TrialId, result.SourceEpoch));
        // At its concurrency the study asks for a standby place: the fork takes the next slot one of its trials gives back.
        var reserve = Assert.Single(study.Reservations);
        Assert.Equal(("s-0003", SlotMode.StandbyOnly), (reserve.TrialId, reserve.Mode));
        Assert.DoesNotContain(reserved, e => e is CommandTrialsEffect);

        var start = study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloB));

        Assert.Equal(new TrialFork("s-0001", 4, 1e-4), start.Request.Fork);
        Assert.Equal(1e-4, start.Request.Config["learning_rate"].AsDouble());
        Assert.Equal(new TrialFork("s-0001", 4, 1e-4), study.Trial("s-0003").ForkedFrom);
        Assert.Equal(TrialState.Pending, study.Trial("s-0003").State);
        Assert.Equal(TrialState.Running, study.Trial("s-0001").State);
        Assert.Equal("s-0003", Assert.Single(study.Core.ForksOf("s-0001")));
    }

    [Fact]
    public void Fork_ANamedEpoch_StartsFromThatCheckpoint()
    {
        var study = Training();

        var result = study.Core.Fork(Request("s-0002", 2, ("weight_decay", 0.01)), [2, 4]);
        study.Take();
        var start = study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloA));

        Assert.Equal(2, result.SourceEpoch);
        Assert.Equal(new TrialFork("s-0002", 2, null), start.Request.Fork);
        Assert.Equal(0.01, start.Request.Config["weight_decay"].AsDouble());
    }

    [Fact]
    public void Fork_AnEpochWithoutCheckpoint_IsRefusedAsAConflictAboutTheEpoch()
    {
        var study = Training();

        var result = study.Core.Fork(Request("s-0001", 3), [2, 4]);

        Assert.Equal((CommandError.InvalidState, "$.epoch"), (result.Result.Kind, result.Field));
        Assert.Contains("no checkpoint at epoch 3", result.Result.Error, StringComparison.Ordinal);
        Assert.Contains("2, 4", result.Result.Error, StringComparison.Ordinal);
        Assert.Empty(study.Take().OfType<ReserveSlotEffect>());
    }

    [Theory]
    [InlineData("hidden_units")]
    [InlineData("hidden_layers")]
    [InlineData("hidden_units_2")]
    [InlineData("activation")]
    [InlineData("optimizer")]
    [InlineData("batch_norm")]
    public void Fork_AShapeChange_IsRefusedNamingTheField(string name)
    {
        var study = Training();
        ParameterValue value = name switch
        {
            "activation" => "tanh",
            "optimizer" => "sgd",
            "batch_norm" => true,
            _ => 64L,
        };

        var result = study.Core.Fork(Request("s-0001", null, (name, value)), [2]);

        Assert.Equal((CommandError.InvalidArgument, "$." + name), (result.Result.Kind, result.Field));
        Assert.Contains("shapes the model", result.Result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("learning_rate", -1.0, "greater than 0")]
    [InlineData("dropout", 2.0, "at most 0.95")]
    [InlineData("learning_rate", 1e-12, "1E-10")]
    public void Fork_AnIllegalValue_IsRefusedNamingTheField(string name, double value, string mention)
    {
        var study = Training();

        var result = study.Core.Fork(Request("s-0001", null, (name, value)), [2]);

        Assert.Equal((CommandError.InvalidArgument, "$." + name), (result.Result.Kind, result.Field));
        Assert.Contains(mention, result.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fork_AnUnknownHyperparameter_IsRefused()
    {
        var study = Training();

        var result = study.Core.Fork(Request("s-0001", null, ("colour", 3.0)), [2]);

        Assert.Equal(CommandError.InvalidArgument, result.Result.Kind);
        Assert.Contains("'colour' is not a hyperparameter", result.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fork_AnUnknownTrial_IsNotFound()
    {
        var study = Training();

        Assert.Equal(CommandError.NotFound, study.Core.Fork(Request("s-0042"), [2]).Result.Kind);
        Assert.Equal(CommandError.NotFound, new StudyHarness().Core.Fork(Request("s-0001"), [2]).Result.Kind);
    }

    [Fact]
    public void Fork_ATrialWithoutCheckpoint_IsAConflictSayingSo()
    {
        var study = Training();
        study.End("s-0001", TrialState.Completed, 10);

        var result = study.Core.Fork(Request("s-0001"), []);

        Assert.Equal(CommandError.InvalidState, result.Result.Kind);
        Assert.Contains("no checkpoint to fork from", result.Result.Error, StringComparison.Ordinal);
        Assert.Contains("Completed", result.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fork_AFinishedSourceWithACheckpoint_Forks()
    {
        var study = Training();
        study.End("s-0001", TrialState.Completed, 10);
        study.Take();

        var result = study.Core.Fork(Request("s-0001", null, ("learning_rate", 0.002)), [5, 10]);
        var longer = study.Core.Fork(Request("s-0001", null, ("epochs", 20L)), [5, 10]);

        // Nothing left to train from the last epoch of a 10-epoch trial (the budget caps epochs at 10), but from epoch 5 there is.
        Assert.Equal((CommandError.InvalidArgument, "$.epoch"), (result.Result.Kind, result.Field));
        Assert.Contains("leaves nothing to train", result.Result.Error, StringComparison.Ordinal);
        Assert.Equal((CommandError.InvalidArgument, "$.epochs"), (longer.Result.Kind, longer.Field));
        Assert.True(study.Core.Fork(Request("s-0001", 5, ("learning_rate", 0.002)), [5, 10]).Result.Accepted);
    }

    [Fact]
    public void Fork_CountsAgainstTheBudget_AndIsAConflictOnceItIsSpent()
    {
        var study = Training(maxTrials: 3);

        var first = study.Core.Fork(Request("s-0001"), [2]);
        var second = study.Core.Fork(Request("s-0002"), [2]);

        Assert.True(first.Result.Accepted);
        Assert.Equal(CommandError.InvalidState, second.Result.Kind);
        Assert.Contains("budget of 3 trials is spent", second.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fork_WithNoPlaceYet_KeepsItsNumberAndTakesTheNextPlaceBeforeTheSearcher()
    {
        var study = Training(maxTrials: 6);
        var result = study.Core.Fork(Request("s-0001", null, ("learning_rate", 1e-4)), [2]);
        study.Take();

        // No standby place anywhere: the study asks again later.
        Assert.Contains(study.Answer(null), e => e is FillEffect { Delay.Ticks: > 0 });
        study.End("s-0002", TrialState.Completed, 10);
        study.Take();

        var next = study.Reservations[0];
        Assert.Equal(result.TrialId, next.TrialId);
        var start = study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloA));
        Assert.Equal("s-0001", start.Request.Fork!.SourceTrialId);
    }

    [Fact]
    public void Fork_InAPausedStudy_IsAConflict()
    {
        var study = Training();
        study.Core.Pause();

        var result = study.Core.Fork(Request("s-0001"), [2]);

        Assert.Equal(CommandError.InvalidState, result.Result.Kind);
        Assert.Contains("Paused", result.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fork_ThenTheSearcherIsDone_TheStudyCompletesOnlyAfterTheFork()
    {
        var study = Training(maxTrials: 3);
        study.Core.Fork(Request("s-0001"), [2]);
        study.Take();
        var start = study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloA));
        study.Core.OnTrialStartReturned(start, CommandResult.Ok);
        study.End("s-0001", TrialState.Completed, 10);
        study.End("s-0002", TrialState.Completed, 10);
        study.Take();

        Assert.Equal(StudyState.Running, study.Core.State);
        Assert.Empty(study.Reservations);
        study.Began("s-0003");
        study.End("s-0003", TrialState.Completed, 10);

        Assert.Equal(StudyState.Completed, study.Core.State);
    }

    [Fact]
    public void Fork_WrittenAndRestored_KeepsItsOriginAndTheSourceListsIt()
    {
        var study = Training();
        study.Core.Fork(Request("s-0001", null, ("learning_rate", 1e-4)), [2]);
        study.Take();
        var start = study.Single<StartTrialEffect>(study.Answer(StudyHarness.SiloA));
        study.Core.OnTrialStartReturned(start, CommandResult.Ok);
        var codec = new Grains.Studies.Persistence.StudyRecordCodec(
            new ServiceCollection().AddSerializer(s => s.AddHyperTuneSerializers()).BuildServiceProvider().GetRequiredService<Serializer>());
        var encoded = codec.Encode(study.Write()!);

        var again = new StudyHarness();
        var (header, rows) = codec.Decode(new Storage.Studies.StoredStudy(1, encoded.Header!, encoded.Trials));
        again.Core.Restore(header, rows);

        Assert.Equal(new TrialFork("s-0001", 2, 1e-4), again.Trial("s-0003").ForkedFrom);
        Assert.Equal("s-0003", Assert.Single(again.Core.ForksOf("s-0001")));
        Assert.Empty(again.Core.ForksOf("s-0002"));
    }
}
