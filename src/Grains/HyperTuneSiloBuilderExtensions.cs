using HyperTune.Abstractions.Serialization;
using HyperTune.Grains.Cluster;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Training;
using HyperTune.Storage.Checkpoints;
using HyperTune.Training.Datasets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace HyperTune.Grains;

/// <summary>Wires HyperTune's grains and the silo's training service into an Orleans silo.</summary>
public static class HyperTuneSiloBuilderExtensions
{
    /// <summary>
    /// Adds the grains, the trial trainer, the training-slot registration, the local checkpoint store and the
    /// serializers. Grain storage named <see cref="GrainStorageNames.Default"/> must be added by the host; the
    /// in-memory one is used when none is.
    /// </summary>
    public static ISiloBuilder AddHyperTune(this ISiloBuilder builder, Action<TrainingHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<TrainingHostOptions>().BindConfiguration(TrainingHostOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateDataAnnotations().ValidateOnStart();

        services.AddSerializer(serializer => serializer.AddHyperTuneSerializers());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(DatasetCatalog.Default);
        services.TryAddSingleton<ICheckpointStore>(sp => new LocalDirectoryCheckpointStore(sp.GetRequiredService<IOptions<TrainingHostOptions>>().Value.CheckpointDirectory));
        services.AddMetrics();
        services.TryAddSingleton<HyperTuneMetrics>();
        services.TryAddSingleton<TrialTrainer>();
        services.AddHostedService<SlotRegistrar>();
        if (!services.Any(s => s.IsKeyedService && Equals(s.ServiceKey, GrainStorageNames.Default)))
        {
            builder.AddMemoryGrainStorage(GrainStorageNames.Default);
        }

        return builder;
    }
}
