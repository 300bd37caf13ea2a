using TorchSharp;
using static TorchSharp.torch;

namespace HyperTune.Training.Models;

/// <summary>
/// Inverted dropout that draws its masks from the run's own generator rather than libtorch's process-wide one, so
/// runs side by side in one process stay reproducible.
/// </summary>
public sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _probability;
    private readonly Generator _generator;

    /// <summary>Creates the layer.</summary>
    /// <param name="probability">Probability of zeroing an element, in [0, 1).</param>
    /// <param name="generator">The run's generator.</param>
    public SeededDropout(double probability, Generator generator)
        : base(nameof(SeededDropout))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(probability, 1.0);
        (_probability, _generator) = (probability, generator);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training || _probability == 0)
        {
            return input;
        }

        var keep = 1.0 - _probability;
        using var mask = empty_like(input).bernoulli_(keep, _generator);
        return input * mask / keep;
    }
}
