using HyperTune.Search.Hyperparameters;
using HyperTune.Training.Control;
using HyperTune.Training.Schedules;

namespace HyperTune.Training.Tests.Schedules;

public sealed class LearningRateControllerTests
{
    [Fact]
    public void Apply_DecayDuringStepSchedule_HalvesEveryLaterScheduledRate()
    {
        var controller = new LearningRateController(new StepDecaySchedule(0.1, 2, 0.1), warmupSteps: 0);
        controller.ForStep(epoch: 1, step: 1);

        var change = controller.Apply(LearningRateCommand.Decay(0.5), epoch: 1, step: 2);

        Assert.Equal(0.1, change.OldLearningRate);
        Assert.Equal(0.05, change.NewLearningRate);
        Assert.Equal(0.05, controller.ForStep(1, 2));
        Assert.Equal(0.1 * 0.1 * 0.5, controller.ForStep(3, 10), 15);
    }

    [Fact]
    public void Apply_Set_ReachesTheValueAndScheduleContinuesRelativeToIt()
    {
        var controller = new LearningRateController(new ExponentialDecaySchedule(0.1, 0.5), warmupSteps: 0);
        controller.ForStep(1, 1);

        controller.Apply(LearningRateCommand.Set(0.3), 1, 2);

        Assert.Equal(0.3, controller.ForStep(1, 2), 15);
        Assert.Equal(0.15, controller.ForStep(2, 3), 15);
    }

    [Fact]
    public void ForStep_WithWarmup_RisesLinearlyThenFollowsSchedule()
    {
        var controller = new LearningRateController(new ConstantSchedule(0.1), warmupSteps: 4);

        double[] expected = [0.025, 0.05, 0.075, 0.1, 0.1];
        for (var step = 1; step <= 5; step++)
        {
            Assert.Equal(expected[step - 1], controller.ForStep(1, step), 15);
        }
    }

    [Fact]
    public void ForStep_StepScheduleChanges_RecordsScheduleEvent()
    {
        var controller = new LearningRateController(new StepDecaySchedule(0.1, 1, 0.5), warmupSteps: 0);
        controller.ForStep(1, 1);
        controller.ForStep(2, 2);

        var change = Assert.Single(controller.Events);
        Assert.Equal((2, 2L, 0.1, 0.05, LearningRateChangeSource.Schedule), (change.Epoch, change.Step, change.OldLearningRate, change.NewLearningRate, change.Source));
    }

    [Fact]
    public void SaveAndRestore_KeepsMultiplierAndHistory()
    {
        var original = new LearningRateController(new ConstantSchedule(0.1), 0);
        original.ForStep(1, 1);
        original.Apply(LearningRateCommand.Decay(0.5, LearningRateChangeSource.Policy), 1, 2);
        var copy = new LearningRateController(new ConstantSchedule(0.1), 0);

        copy.Restore(original.Save());

        Assert.Equal(original.ForStep(2, 5), copy.ForStep(2, 5));
        Assert.Equal(original.Events, copy.Events);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Command_NonPositiveOrNonFiniteValue_Throws(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateCommand.Decay(value));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateCommand.Set(value));
    }

    [Fact]
    public void Apply_DecayBeyondTheLargestRate_CappedThere()
    {
        var controller = new LearningRateController(new ConstantSchedule(0.01), warmupSteps: 0);
        controller.ForStep(1, 1);

        var change = controller.Apply(LearningRateCommand.Decay(1e308), 1, 2);
        controller.Apply(LearningRateCommand.Decay(1e308), 1, 3);

        Assert.Equal(LearningRateCommandLimits.MaxLearningRate, change.NewLearningRate, 9);
        Assert.Equal(LearningRateCommandLimits.MaxLearningRate, controller.ForStep(1, 3), 9);
        Assert.True(double.IsFinite(controller.Multiplier));
    }

    [Fact]
    public void Apply_SetWhileTheScheduleGivesZero_LeavesTheMultiplier()
    {
        var controller = new LearningRateController(new ConstantSchedule(0), warmupSteps: 0);
        controller.ForStep(1, 1);

        controller.Apply(LearningRateCommand.Set(0.1), 1, 2);

        Assert.Equal(1.0, controller.Multiplier);
        Assert.Equal(0, controller.ForStep(1, 2));
    }
}
