using HyperTune.Training.Configuration;
using HyperTune.Training.Schedules;

namespace HyperTune.Training.Tests.Schedules;

public sealed class LearningRateScheduleTests
{
    private const double Lr = 0.1;

    [Fact]
    public void Constant_EveryEpoch_IsTheInitialRate() =>
        Assert.All(Enumerable.Range(0, 20), e => Assert.Equal(Lr, new ConstantSchedule(Lr).LearningRateAt(e)));

    [Fact]
    public void StepDecay_EveryEpoch_MatchesFormula()
    {
        var schedule = new StepDecaySchedule(Lr, stepSize: 3, gamma: 0.5);
        for (var e = 0; e < 20; e++)
        {
            Assert.Equal(Lr * Math.Pow(0.5, Math.Floor(e / 3.0)), schedule.LearningRateAt(e), 15);
        }
    }

    [Fact]
    public void ExponentialDecay_EveryEpoch_MatchesFormula()
    {
        var schedule = new ExponentialDecaySchedule(Lr, gamma: 0.9);
        for (var e = 0; e < 20; e++)
        {
            Assert.Equal(Lr * Math.Pow(0.9, e), schedule.LearningRateAt(e), 15);
        }
    }

    [Fact]
    public void CosineAnnealing_EveryEpoch_MatchesFormulaAndStaysAtFloorAfterPeriod()
    {
        var schedule = new CosineAnnealingSchedule(Lr, etaMin: 0.001, periodEpochs: 10);
        for (var e = 0; e <= 10; e++)
        {
            Assert.Equal(0.001 + ((Lr - 0.001) * (1 + Math.Cos(Math.PI * e / 10)) / 2), schedule.LearningRateAt(e), 15);
        }

        Assert.Equal(0.001, schedule.LearningRateAt(15), 15);
    }

    [Fact]
    public void ReduceOnPlateau_AfterPatienceWithoutImprovement_MultipliesByFactor()
    {
        var schedule = new ReduceOnPlateauSchedule(Lr, factor: 0.5, patience: 2, threshold: 0.01, minLearningRate: 0.02);
        double[] losses = [1.0, 0.9, 0.895, 0.9, 0.9, 0.8, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85];
        var rates = new List<double>();
        for (var e = 0; e < losses.Length; e++)
        {
            rates.Add(schedule.LearningRateAt(e));
            schedule.OnEpochEnd(e, losses[e]);
        }

        // 0.895 is not 1% better than 0.9: bad epochs at 2, 3, 4 → the third exceeds patience 2 → halve before epoch 5.
        Assert.Equal([Lr, Lr, Lr, Lr, Lr, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.02], rates);
    }

    [Fact]
    public void ReduceOnPlateau_SaveAndRestore_ContinuesIdentically()
    {
        var original = new ReduceOnPlateauSchedule(Lr, 0.5, 1, 0, 0);
        original.OnEpochEnd(0, 1.0);
        original.OnEpochEnd(1, 1.0);
        var copy = new ReduceOnPlateauSchedule(Lr, 0.5, 1, 0, 0);
        copy.RestoreState(original.SaveState());

        original.OnEpochEnd(2, 1.0);
        copy.OnEpochEnd(2, 1.0);

        Assert.Equal(original.LearningRateAt(3), copy.LearningRateAt(3));
        Assert.Equal(0.05, copy.LearningRateAt(3));
    }

    [Theory]
    [InlineData(ScheduleKind.Constant, typeof(ConstantSchedule))]
    [InlineData(ScheduleKind.Step, typeof(StepDecaySchedule))]
    [InlineData(ScheduleKind.Exponential, typeof(ExponentialDecaySchedule))]
    [InlineData(ScheduleKind.Cosine, typeof(CosineAnnealingSchedule))]
    [InlineData(ScheduleKind.Plateau, typeof(ReduceOnPlateauSchedule))]
    public void Factory_EachKind_CreatesItsSchedule(ScheduleKind kind, Type expected) =>
        Assert.IsType(expected, LearningRateScheduleFactory.Create(new TrainingConfig { Schedule = kind }));
}
