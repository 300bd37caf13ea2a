using System.Net.Sockets;
using HyperTune.Coordinator.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HyperTune.Coordinator.Hosting;

/// <summary>
/// Turns exceptions into problem details: a cluster that cannot answer (Orleans errors, timeouts, lost connections)
/// is 503 with a clear message, a malformed request 400, anything else 500 — never a bare error page.
/// </summary>
internal sealed class CoordinatorExceptionHandler(IProblemDetailsService problems, ILogger<CoordinatorExceptionHandler> logger) : IExceptionHandler
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
            problem = new() { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message };
        }
        else if (IsClusterFailure(exception))
        {
            Log.ClusterUnavailable(logger, request.Method, request.Path, exception.Message);
            problem = new()
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The cluster is unavailable",
                Detail = $"The HyperTune cluster could not answer ({exception.GetType().Name}: {exception.Message}). Check that its silos are running, then retry.",
            };
        }
        else
        {
            Log.UnexpectedError(logger, request.Method, request.Path, exception);
            problem = new()
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Unexpected error",
                Detail = $"The Coordinator failed to answer ({exception.GetType().Name}); its log has the details.",
            };
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
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
        }

        return false;
    }
}
