using System.Globalization;
using System.Net.Sockets;
using HyperTune.Coordinator.Diagnostics;
using HyperTune.Coordinator.Health;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HyperTune.Coordinator.Hosting;

/// <summary>
/// Turns exceptions into problem details: a cluster that cannot answer (Orleans errors, timeouts, lost connections)
/// is 503 saying which part is unreachable, a malformed or oversized request 400 or 413, anything else 500 — never a
/// bare error page. No answer carries an exception's message, type or stack trace, an absolute path or the
/// environment: those go to the log only.
/// </summary>
internal sealed class CoordinatorExceptionHandler(
    IProblemDetailsService problems,
    ClusterDescription cluster,
    ClusterConnectionMonitor monitor,
    IOptions<ApiLimitsOptions> limits,
    ILogger<CoordinatorExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>What a 503 suggests as the wait before retrying.</summary>
    private const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            Log.BadRequest(logger, request.Method, request.Path, bad.StatusCode, bad.Message);
            problem = new() { Status = bad.StatusCode, Title = ProblemTitles.For(bad.StatusCode), Detail = BadRequestDetail(bad) };
        }
        else if (IsClusterFailure(exception))
        {
            Log.ClusterUnavailable(logger, request.Method, request.Path, exception);
            problem = new()
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = ProblemTitles.For(StatusCodes.Status503ServiceUnavailable),
                Detail = $"The HyperTune cluster could not answer: {cluster.Describe(exception, monitor.ConnectedGateways)}. Check that its silos are running, then retry.",
            };
        }
        else
        {
            Log.UnexpectedError(logger, request.Method, request.Path, exception);
            problem = new()
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = ProblemTitles.For(StatusCodes.Status500InternalServerError),
                Detail = "The Coordinator failed to answer; its log has the details (look for this problem's traceId).",
            };
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        // The exception is not handed to the writer: nothing of it reaches the answer.
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// <summary>True for failures of the cluster or the way to it, as opposed to bugs.</summary>
    internal static bool IsClusterFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or SocketException || e.GetType().Namespace?.StartsWith("Orleans", StringComparison.Ordinal) == true)
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsClusterFailure))
            {
                return true;
            }
        }

        return false;
    }

    // Kestrel's and the binder's messages describe the request (never the server); a 413 names the limit.
    private string BadRequestDetail(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge =>
            string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the {limits.Value.MaxRequestBodySize:N0} bytes this API accepts (HyperTune:Api:MaxRequestBodySize)."),
        StatusCodes.Status408RequestTimeout => "The request body did not arrive in time.",
        _ => bad.Message,
    };
}
