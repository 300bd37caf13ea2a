using HyperTune.Search;
using HyperTune.Search.Metrics;
using HyperTune.Training.Configuration;

namespace HyperTune.Training.Synthetic;

/// <summary>
/// The made-up learning problem of the synthetic trainable: a deterministic function of the config, the learning rate
/// of each epoch and a seeded noise, shaped like real training so that searchers and schedulers have something to work
/// on. Each epoch the loss's gap above its floor shrinks by <c>exp(−progress(lr))</c>:
/// <list type="bullet">
/// <item>The learning rate has an optimum: <c>u = log10(lr / lr*)</c>, with lr* = 2e-3 for Adam and AdamW, 1e-3 for
/// RMSprop and 0.1·(1 − momentum) for SGD, times √(batch_size / 64). progress = r·exp(−u² / 2σ²) with σ = 0.8 decades
/// (1 with batch norm) and r = 0.45·√(64 / batch_size) (×1.2 with batch norm): too low a rate learns slowly.</item>
/// <item>Too high a rate diverges: above 4× lr* (u &gt; 0.6) progress falls by 2 per decade and turns negative, so
/// the loss grows until the divergence rule stops the run; above 30× lr* (u &gt; 1.5) the loss is NaN at once.</item>
/// <item>The floor is 0.05 (classification) plus penalties for the width (best near 160 units), the depth (best 2
/// layers), dropout away from 0.1, weight decay above 1e-3, tanh or sigmoid, SGD without momentum, batch size away
/// from 64, and a learning rate above lr*/2 (so a decay late in a run lowers the loss, as in real training).</item>
/// <item>The validation loss adds overfitting that grows with what has been learnt (more for wide, deep models with
/// little dropout) and 2 % noise; the training loss has 1 % noise. Accuracy falls linearly with the validation loss
/// from 1 (loss 0) to 0.1, chance for 10 classes (loss ln 10, the starting loss).</item>
/// </list>
/// Regression starts at loss 1 (predicting the mean of a standardized target) with floor 0.02 and penalties scaled to
/// match; it reports <c>val_rmse</c> = √val_loss and <c>val_r2</c> = 1 − val_loss.
/// </summary>
internal sealed class SyntheticResponseSurface
{
    private const double Classes = 10;
    private const double Width = 0.8;
    private const double UnstableAbove = 0.6;
    private const double NaNAbove = 1.5;
    private const double GrowthPerDecade = 2.0;

    private readonly bool _classification;
    private readonly double _optimum;
    private readonly double _width;
    private readonly double _rate;
    private readonly double _scale;
    private readonly double _floor;
    private readonly double _overfitRate;

    /// <summary>The surface of <paramref name="config"/> for a <paramref name="task"/> task.</summary>
    public SyntheticResponseSurface(TrainingConfig config, TaskKind task)
    {
        ArgumentNullException.ThrowIfNull(config);
        _classification = task == TaskKind.Classification;
        StartLoss = _classification ? Math.Log(Classes) : 1.0;
        _scale = StartLoss / Math.Log(Classes);
        var batch = Math.Max(1, config.BatchSize);
        var baseOptimum = config.Optimizer switch
        {
            OptimizerKind.Sgd => 0.1 * Math.Max(1 - config.Momentum, 0.01),
            OptimizerKind.RmsProp => 1e-3,
            _ => 2e-3,
        };
        _optimum = baseOptimum * Math.Sqrt(batch / 64.0);
        _width = config.BatchNorm ? Width * 1.25 : Width;
        _rate = 0.45 * Math.Sqrt(64.0 / batch) * (config.BatchNorm ? 1.2 : 1.0);

        var layers = Math.Max(1, config.HiddenUnits.Count);
        var units = Math.Exp(config.HiddenUnits.Select(u => Math.Log(Math.Max(1, u))).DefaultIfEmpty(Math.Log(128)).Average());
        var penalty = (0.03 * Square(Math.Log2(units / 160)))
            + (0.02 * Math.Min(Square(layers - 2), 9))
            + (0.15 * Square(config.Dropout - 0.1))
            + (config.WeightDecay > 1e-3 ? 0.05 * Math.Log10(config.WeightDecay / 1e-3) : 0)
            + config.Activation switch { ActivationKind.Tanh => 0.02, ActivationKind.Sigmoid => 0.06, _ => 0 }
            + (config.Optimizer == OptimizerKind.Sgd && config.Momentum < 0.5 ? 0.01 : 0)
            + (0.01 * Math.Abs(Math.Log2(batch / 64.0)));
        _floor = (_classification ? 0.05 : 0.02) + (_scale * penalty);
        _overfitRate = 0.0015 * _scale * Math.Sqrt(units / 128) * Math.Sqrt(layers) * Square(1 - Math.Clamp(config.Dropout, 0, 1));
    }

    /// <summary>The loss before any training: ln 10 for classification, 1 for regression.</summary>
    public double StartLoss { get; }

    /// <summary>The learning rate that learns fastest (lr*).</summary>
    public double Optimum => _optimum;

    /// <summary>The curve before the first epoch.</summary>
    public SyntheticCurve Initial => new(Math.Max(StartLoss - _floor, 0), 0);

    /// <summary>
    /// One epoch at <paramref name="learningRate"/>: the curve after it, and the metrics it reports (with noise drawn
    /// from <paramref name="noise"/>, three normal draws per epoch).
    /// </summary>
    public (SyntheticCurve Curve, Dictionary<string, double> Metrics) Epoch(SyntheticCurve curve, double learningRate, Random noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        var u = Math.Log10(learningRate / _optimum);
        var progress = (_rate * Math.Exp(-(u * u) / (2 * _width * _width))) - (GrowthPerDecade * Math.Max(0, u - UnstableAbove));
        var gap = curve.Gap * Math.Exp(-progress);
        var initialGap = Initial.Gap;
        var learnt = initialGap > 0 ? Math.Clamp(1 - (gap / initialGap), 0, 1) : 1;
        var overfit = curve.Overfit + (_overfitRate * learnt);
        var floor = _floor + (_scale * 0.08 * Square(Math.Max(0, u + 0.3)));

        var (z1, z2, z3) = (Normal(noise), Normal(noise), Normal(noise));
        var exploded = u > NaNAbove;
        var trainLoss = exploded ? double.NaN : ((0.6 * floor) + gap) * (1 + (0.01 * z1));
        var validationLoss = exploded ? double.NaN : (floor + gap + overfit) * (1 + (0.02 * z2));
        var metrics = new Dictionary<string, double>
        {
            [MetricNames.TrainLoss] = trainLoss,
            [MetricNames.ValidationLoss] = validationLoss,
        };
        if (_classification)
        {
            metrics[MetricNames.ValidationAccuracy] = exploded
                ? 1 / Classes
                : Math.Clamp(1 - ((1 - (1 / Classes)) * validationLoss / StartLoss) + (0.003 * z3), 1 / Classes, 1);
        }
        else
        {
            metrics[MetricNames.ValidationRmse] = Math.Sqrt(Math.Max(validationLoss, 0));
            metrics[MetricNames.ValidationR2] = 1 - validationLoss;
        }

        return (new SyntheticCurve(gap, overfit), metrics);
    }

    private static double Square(double x) => x * x;

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
