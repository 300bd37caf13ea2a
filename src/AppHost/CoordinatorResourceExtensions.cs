using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace HyperTune.AppHost;

/// <summary>
/// What the Coordinator resource offers in the Aspire dashboard: links to the HyperTune and Orleans dashboards, and the
/// commands "Launch study" and "Stop all studies", which call the Coordinator's REST API.
/// </summary>
internal static class CoordinatorResourceExtensions
{
    /// <summary>The name of the command that starts a study.</summary>
    public const string LaunchStudyCommand = "launch-study";

    /// <summary>The name of the command that stops every running or paused study.</summary>
    public const string StopAllStudiesCommand = "stop-all-studies";

    /// <summary>The example a launch runs when it is given no spec.</summary>
    public const string DefaultExample = "digits.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Where the primary silo serves the Orleans dashboard.</summary>
    public const string OrleansDashboardPath = "/orleans";

    /// <summary>
    /// Links to both dashboards on the resource, each signing the browser in with <paramref name="token"/>, and the
    /// Orleans dashboard's address (the primary silo's HTTP endpoint) for the HyperTune dashboard's navigation.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDashboards(
        this IResourceBuilder<ProjectResource> coordinator, IResourceBuilder<ProjectResource> primarySilo, IResourceBuilder<ParameterResource> token)
    {
        var silo = primarySilo.GetEndpoint("http");
        return coordinator
            .WithEnvironment("HyperTune__Dashboard__OrleansDashboardUrl", ReferenceExpression.Create($"{silo}{OrleansDashboardPath}"))
            .WithUrls(async context =>
            {
                var value = await token.ValueAsync(context.CancellationToken);
                context.Urls.Add(new ResourceUrlAnnotation { Url = AccessTokenExtensions.SignInUrl(DashboardUrl(coordinator.Resource), "/", value), DisplayText = "HyperTune dashboard" });
                context.Urls.Add(new ResourceUrlAnnotation { Url = AccessTokenExtensions.SignInUrl(SiloUrl(primarySilo.Resource), OrleansDashboardPath, value), DisplayText = "Orleans dashboard" });
            });
    }

    /// <summary>
    /// Lets the dashboard's create-study form upload CSV files: into <c>.hypertune/uploads</c> of the repository, the
    /// silos' data directory (every process of the AppHost runs on this machine), named there relative to it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithCsvUploads(this IResourceBuilder<ProjectResource> coordinator, string repository) => coordinator
        .WithEnvironment("HyperTune__Dashboard__UploadDirectory", Path.Combine(repository, ".hypertune", "uploads"))
        .WithEnvironment("HyperTune__Dashboard__UploadSpecPath", ".hypertune/uploads");

    /// <summary>
    /// Adds "Launch study" (an example from <paramref name="examples"/>, or pasted JSON) and "Stop all studies", which
    /// call the API with <paramref name="token"/>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithStudyCommands(
        this IResourceBuilder<ProjectResource> coordinator, string examples, IResourceBuilder<ParameterResource> token)
    {
        var choices = Directory.Exists(examples)
            ? Directory.GetFiles(examples, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        coordinator.WithCommand(LaunchStudyCommand, "Launch study", context => LaunchAsync(coordinator.Resource, token, examples, context), new CommandOptions
        {
            Description = "Starts a study on the cluster: an example spec, or a spec you paste. Without either it runs " + DefaultExample + ".",
            IconName = "Play",
            IconVariant = IconVariant.Filled,
            IsHighlighted = true,
            UpdateState = WhenHealthy,
            Arguments =
            [
                new InteractionInput
                {
                    Name = "example",
                    Label = "Example spec",
                    Description = "A study spec from the repository's examples folder.",
                    InputType = InputType.Choice,
                    Options = [.. choices.Select(c => KeyValuePair.Create(c, c))],
                    Value = choices.Contains(DefaultExample) ? DefaultExample : choices.FirstOrDefault(),
                    Required = false,
                },
                new InteractionInput
                {
                    Name = "spec",
                    Label = "…or paste a spec (JSON)",
                    Description = "When given, it is launched instead of the example.",
                    InputType = InputType.Text,
                    Placeholder = "{ \"name\": \"…\", \"search_space\": { … } }",
                    Required = false,
                },
            ],
        });
        coordinator.WithCommand(StopAllStudiesCommand, "Stop all studies", context => StopAllAsync(coordinator.Resource, token, context), new CommandOptions
        {
            Description = "Stops every running or paused study and its trials.",
            IconName = "Stop",
            ConfirmationMessage = "Stop every running study?",
            UpdateState = WhenHealthy,
        });
        return coordinator;
    }

    /// <summary>
    /// Prints where to go, one line each, when the Coordinator is ready: the dashboards' sign-in links and the CLI's
    /// token, on this terminal only (as a notebook server prints its token; no logger sees it).
    /// </summary>
    public static IResourceBuilder<ProjectResource> PrintWhereToGo(
        this IResourceBuilder<ProjectResource> coordinator, IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> primarySilo,
        IResourceBuilder<ParameterResource> token)
    {
        builder.Eventing.Subscribe<ResourceReadyEvent>(coordinator.Resource, async (_, cancellationToken) =>
        {
            var value = await token.ValueAsync(cancellationToken);
            Console.WriteLine($"HyperTune dashboard: {AccessTokenExtensions.SignInUrl(DashboardUrl(coordinator.Resource), "/", value)}");
            Console.WriteLine($"Orleans dashboard:   {AccessTokenExtensions.SignInUrl(SiloUrl(primarySilo.Resource), OrleansDashboardPath, value)}");
            Console.WriteLine($"REST API:            {DashboardUrl(coordinator.Resource)}api/studies (OpenAPI at /openapi/v1.json)");
            Console.WriteLine($"CLI:                 export HYPERTUNE_TOKEN={value}");
        });
        return coordinator;
    }

    private static ResourceCommandState WhenHealthy(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.HealthStatus is Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
            ? ResourceCommandState.Enabled
            : ResourceCommandState.Disabled;

    private static async Task<ExecuteCommandResult> LaunchAsync(
        ProjectResource coordinator, IResourceBuilder<ParameterResource> token, string examples, ExecuteCommandContext context)
    {
        var pasted = Argument(context, "spec");
        var example = Argument(context, "example") ?? DefaultExample;
        string spec;
        if (pasted is not null)
        {
            spec = pasted;
        }
        else
        {
            var path = Path.Combine(examples, Path.GetFileName(example));
            if (!File.Exists(path))
            {
                return CommandResults.Failure($"There is no example '{example}' in {examples}.");
            }

            spec = await File.ReadAllTextAsync(path, context.CancellationToken);
        }

        using var http = await ClientAsync(coordinator, token, context.CancellationToken);
        using var response = await http.PostAsync("/api/studies", new StringContent(spec, Encoding.UTF8, "application/json"), context.CancellationToken);
        if (response.Content.Headers.ContentLength == 0)
        {
            return CommandResults.Failure(Invariant($"The Coordinator answered {(int)response.StatusCode} with no body."));
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, context.CancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var id = body.GetProperty("studyId").GetString();
            context.Logger.LogInformation("Launched study {StudyId} from {Source}", id, pasted is null ? example : "a pasted spec");
            return CommandResults.Success(Invariant($"Study {id} started: {DashboardUrl(coordinator)}studies/{id}"));
        }

        var detail = body.TryGetProperty("detail", out var d) ? d.GetString() : response.ReasonPhrase;
        return CommandResults.Failure(Invariant($"The Coordinator refused the spec ({(int)response.StatusCode}): {detail}"));
    }

    private static async Task<ExecuteCommandResult> StopAllAsync(ProjectResource coordinator, IResourceBuilder<ParameterResource> token, ExecuteCommandContext context)
    {
        using var http = await ClientAsync(coordinator, token, context.CancellationToken);
        var studies = await http.GetFromJsonAsync<JsonElement>("/api/studies", Json, context.CancellationToken);
        var stopped = new List<string>();
        foreach (var study in studies.EnumerateArray())
        {
            if (study.GetProperty("state").GetString() is "Running" or "Paused" && study.GetProperty("studyId").GetString() is { } id)
            {
                using var response = await http.PostAsync($"/api/studies/{Uri.EscapeDataString(id)}/stop", null, context.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    stopped.Add(id);
                }
            }
        }

        context.Logger.LogInformation("Stopped {Count} studies: {Studies}", stopped.Count, string.Join(", ", stopped));
        return CommandResults.Success(stopped.Count == 0 ? "No study was running." : Invariant($"Stopped {stopped.Count} studies: {string.Join(", ", stopped)}"));
    }

    private static string? Argument(ExecuteCommandContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetByName(name, out var input) && !string.IsNullOrWhiteSpace(input.Value) ? input.Value : null;

    private static async Task<HttpClient> ClientAsync(ProjectResource coordinator, IResourceBuilder<ParameterResource> token, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = new Uri(coordinator.GetEndpoint("http").Url), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await token.ValueAsync(cancellationToken));
        return http;
    }

    private static string DashboardUrl(ProjectResource coordinator) => coordinator.GetEndpoint("http").Url.TrimEnd('/') + "/";

    private static string SiloUrl(ProjectResource silo) => silo.GetEndpoint("http").Url.TrimEnd('/') + "/";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
