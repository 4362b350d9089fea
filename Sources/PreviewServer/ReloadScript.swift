/// The script that makes an open tab reload itself after a rebuild. It is added to HTML as it is served,
/// never written into the built files.
///
/// It listens on `ReloadScript.eventsPath` (Server-Sent Events). Each connection starts with a `hello`
/// event naming the server and its current build; a `reload` event follows every rebuild. If the
/// connection drops (the server stopped) and comes back with another build, the tab reloads too, so a
/// save made while the preview was restarting is not missed.
enum ReloadScript {
    static let eventsPath = "/__portal/reload"

    static let html = """
        <script>/* portal serve: live reload, added only while previewing */
        (function () {
          var source = new EventSource("\(eventsPath)"), build = null, banner = null;
          function showBanner(text) {
            if (!banner) {
              banner = document.createElement("div");
              banner.setAttribute("role", "status");
              banner.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;padding:.6em 1em;" +
                "background:#8a1c1c;color:#fff;font:15px/1.4 system-ui,sans-serif;text-align:center";
              document.body.appendChild(banner);
            }
            banner.textContent = text;
          }
          source.addEventListener("hello", function (event) {
            if (build !== null && event.data !== build) { location.reload(); return; }
            build = event.data;
            if (banner) { banner.remove(); banner = null; }
            window.__portalLiveReload = "open";
          });
          source.addEventListener("reload", function () {
            showBanner("Đang tải lại trang…");
            location.reload();
          });
          source.onerror = function () {
            window.__portalLiveReload = "lost";
            showBanner("Mất kết nối với máy chủ xem trước (portal serve). Đang thử kết nối lại…");
          };
        })();
        </script>
        """

    /// Puts the script before the last `</body>`, or at the end when the page has none.
    static func inject(into page: [UInt8]) -> [UInt8] {
        let script = Array(html.utf8)
        let closing = Array("</body".utf8)
        var index = page.count - closing.count
        while index >= 0 {
            if page[index] == UInt8(ascii: "<") {
                var same = true
                for offset in 1..<closing.count where page[index + offset] | 0x20 != closing[offset] | 0x20 {
                    same = false
                    break
                }
                if same {
                    return Array(page[..<index]) + script + Array(page[index...])
                }
            }
            index -= 1
        }
        return page + script
    }
}
