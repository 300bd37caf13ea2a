using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// The sign-in page: one password field for the token, posted with an antiforgery token. A link that carries the
/// token in its fragment (<c>/login#token=…</c>, as the AppHost's dashboard links do) signs in at once: the fragment
/// never leaves the browser, so the token is in no request line, server log or proxy log, and the page removes it
/// from the address bar before posting.
/// </summary>
internal static class LoginPage
{
    private const string Script =
        "(function(){var m=/^#token=(.+)$/.exec(location.hash);if(!m){return;}"
        + "history.replaceState(null,'',location.pathname+location.search);"
        + "document.getElementById('token').value=decodeURIComponent(m[1]);document.getElementById('login').submit();})();";

    private const string Style =
        "body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#1f2328;display:flex;justify-content:center;margin-top:12vh}"
        + "main{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:24px 32px;width:340px}"
        + "h1{font-size:20px;margin:0 0 8px}label{display:block;margin:16px 0 4px}"
        + "input[type=password]{width:100%;box-sizing:border-box;padding:6px}button{margin-top:16px;padding:6px 16px}"
        + ".error{color:#cf222e}";

    /// <summary>The <c>Content-Security-Policy</c> of the page: its own inline style and script only, posting to itself, never framed.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The page, posting to <paramref name="action"/> with the antiforgery field and the page to return to.</summary>
    public static string Render(string action, string antiforgeryField, string antiforgeryToken, string returnUrl, bool wrongToken)
    {
        var html = HtmlEncoder.Default;
        var error = wrongToken ? "<p class=\"error\" data-testid=\"login-error\">That token is not one this cluster accepts.</p>" : string.Empty;
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <meta name="referrer" content="no-referrer" />
            <title>HyperTune: sign in</title>
            <style>{{Style}}</style>
            </head>
            <body>
            <main>
            <h1>HyperTune</h1>
            <p>This cluster needs its token.</p>
            <form id="login" method="post" action="{{html.Encode(action)}}">
            <input type="hidden" name="{{html.Encode(antiforgeryField)}}" value="{{html.Encode(antiforgeryToken)}}" />
            <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}" />
            <label for="token">Token</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
            {{error}}
            <button type="submit">Sign in</button>
            </form>
            </main>
            <script>{{Script}}</script>
            </body>
            </html>
            """;
    }

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}
