using HyperTune.Abstractions.Serialization;
using HyperTune.Grains.Cluster;
using HyperTune.Grains.Diagnostics;
using HyperTune.Grains.Limits;
using HyperTune.Grains.Studies;
using HyperTune.Grains.Studies.Persistence;
using HyperTune.Grains.Persistence;
using HyperTune.Grains.Training;
using HyperTune.Search.Limits;
using HyperTune.Storage.Checkpoints;
using HyperTune.Storage.History;
using HyperTune.Storage.Postgres;
using HyperTune.Storage.Sqlite;
using HyperTune.Storage.Studies;
using HyperTune.Training.Datasets;
using HyperTune.Training.Engine;
using HyperTune.Training.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace HyperTune.Grains;

/// <summary>Wires HyperTune's grains and the silo's training service into an Orleans silo.</summary>
public static class HyperTuneSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant name of PostgreSQL (Npgsql).</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Adds the grains, the trial trainer with its trainables (the MLP and the synthetic one), the training-slot registration, the checkpoint retention policy and the
    /// serializers. Stores not added before (by <see cref="AddHyperTuneSqliteStorage"/> or
    /// <see cref="AddHyperTunePostgresStorage"/>) are the in-memory ones: grain storage named
    /// <see cref="GrainStorageNames.Default"/> in memory, reminders in memory, checkpoints in the local checkpoint
    /// directory, trial history and study records in memory.
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
        services.AddOptions<StudyRecoveryOptions>().BindConfiguration(StudyRecoveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StudyOptions>().BindConfiguration(StudyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CheckpointRetentionOptions>().BindConfiguration(CheckpointRetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StudyLimits>().BindConfiguration(StudyLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSerializer(serializer => serializer.AddHyperTuneSerializers());

        // Grain state is stored in Orleans' own binary format, which knows every [GenerateSerializer] state type and
        // the search types HyperTune serializes as JSON; the default Newtonsoft format cannot read a TrialConfig back.
        services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SiloLimits>();
        services.TryAddSingleton(sp =>
        {
            // Dataset files are read only inside the silo's data roots, and at most MaxDatasetBytes of each.
            var training = sp.GetRequiredService<IOptions<TrainingHostOptions>>().Value;
            var roots = new DataRoots(training.DataDirectory, training.DataRoots);
            return new DatasetCatalog(DatasetCatalog.CreateBuiltinSources(roots, sp.GetRequiredService<SiloLimits>().Current.MaxDatasetBytes));
        });
        services.TryAddSingleton<StudySpecChecker>();
        services.TryAddSingleton<ICheckpointStore>(sp => new LocalDirectoryCheckpointStore(sp.GetRequiredService<IOptions<TrainingHostOptions>>().Value.CheckpointDirectory));
        services.TryAddSingleton<ITrialHistoryStore, InMemoryTrialHistoryStore>();
        services.TryAddSingleton<IStudyStore, InMemoryStudyStore>();
        services.TryAddSingleton<StudyRecordCodec>();
        services.TryAddSingleton(sp => new CheckpointRetentionPolicy(sp.GetRequiredService<IOptions<CheckpointRetentionOptions>>().Value));
        services.AddMetrics();
        services.TryAddSingleton<HyperTuneMetrics>();
        services.TryAddSingleton<MlpTrainable>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITrainable, MlpTrainable>(sp => sp.GetRequiredService<MlpTrainable>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITrainable>(SyntheticTrainable.Instance));
        services.TryAddSingleton<TrialTrainer>();
        services.AddHostedService<SlotRegistrar>();
        services.AddHostedService<StudyResumer>();
        if (!services.Any(s => s.IsKeyedService && Equals(s.ServiceKey, GrainStorageNames.Default)))
        {
            builder.AddMemoryGrainStorage(GrainStorageNames.Default);
        }

        if (!services.Any(s => s.ServiceType == typeof(IReminderTable)))
        {
            builder.UseInMemoryReminderService();
        }

        return builder;
    }

    /// <summary>
    /// Keeps grain state (storage <see cref="GrainStorageNames.Default"/>), reminders, checkpoints, trial history and study records in
    /// one SQLite file at <paramref name="path"/>, shared safely by every silo process of this machine that names the same file.
    /// Call before <see cref="AddHyperTune"/>.
    /// </summary>
    public static ISiloBuilder AddHyperTuneSqliteStorage(this ISiloBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new SqliteDatabase(path));
        services.AddSingleton<ICheckpointStore>(sp => new SqliteCheckpointStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITrialHistoryStore>(sp => new SqliteTrialHistoryStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IStudyStore>(sp => new SqliteStudyStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddGrainStorage(GrainStorageNames.Default, (sp, name) => new SqliteGrainStorage(
            name,
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            GrainStateSerializer(sp, name),
            sp.GetRequiredService<TimeProvider>()));
        builder.AddReminders();
        services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(
            sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return builder;
    }

    /// <summary>
    /// Keeps the cluster's membership in the SQLite file at <paramref name="path"/> (the one
    /// <see cref="AddHyperTuneSqliteStorage"/> uses): every silo of the machine that names the file joins one cluster
    /// (<see cref="ClusterOptions.ClusterId"/>), none is special, and any may die while the others carry on. The host
    /// still chooses the silo's endpoints.
    /// </summary>
    public static ISiloBuilder UseHyperTuneSqliteClustering(this ISiloBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Services.AddSingleton<IMembershipTable>(sp => new SqliteMembershipTable(
            new SqliteDatabase(path),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId,
            sp.GetRequiredService<ILogger<SqliteMembershipTable>>()));
        return builder;
    }

    /// <summary>
    /// Keeps grain state and reminders in PostgreSQL through Orleans' ADO.NET providers (grain storage named
    /// <see cref="GrainStorageNames.Default"/>), and checkpoints, trial history and study records in HyperTune's tables, creating or upgrading all of them when the silo starts.
    /// Clustering is the host's choice (<c>UseAdoNetClustering</c> with <see cref="PostgresInvariant"/>; its tables are
    /// installed here too). Call before <see cref="AddHyperTune"/>.
    /// </summary>
    public static ISiloBuilder AddHyperTunePostgresStorage(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new PostgresDatabase(connectionString));
        services.AddSingleton<ICheckpointStore>(sp => new PostgresCheckpointStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITrialHistoryStore>(sp => new PostgresTrialHistoryStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IStudyStore>(sp => new PostgresStudyStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgresSchemaInstaller>();
        builder.AddAdoNetGrainStorage(GrainStorageNames.Default, options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        services.AddOptions<AdoNetGrainStorageOptions>(GrainStorageNames.Default)
            .Configure<IServiceProvider>((options, sp) => options.GrainStorageSerializer = GrainStateSerializer(sp, GrainStorageNames.Default));
        builder.UseAdoNetReminderService(options => (options.Invariant, options.ConnectionString) = (PostgresInvariant, connectionString));
        return builder;
    }

    /// <summary>
    /// The serializer of grain state: one registered for the storage's name, else Orleans' own binary serializer, which
    /// every HyperTune state type supports through <c>[GenerateSerializer]</c> and which tolerates added fields.
    /// </summary>
    private static IGrainStorageSerializer GrainStateSerializer(IServiceProvider services, string name) =>
        services.GetKeyedService<IGrainStorageSerializer>(name) ?? new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
}
