/// A theme written for the engine's tests: every template the generator asks for, each printing its
/// page's values plainly, with no class names or layout of the bundled theme. Tests that check what the
/// generator does (addresses, lists, values, findings) build with it, so a designer who renames a CSS
/// class in `Theme/` breaks no engine test. Templates go under `Theme/templates/`, keyed by their name.
public enum MinimalTheme {
    public static let templates: [String: String] = [
        "base": """
            <!DOCTYPE html>
            <html lang="{{language}}">
            <head><meta charset="utf-8"><title>{{documentTitle}}</title>
            <link rel="canonical" href="{{canonicalURL}}">{{#description}}<meta name="description" content="{{description}}">{{/description}}
            <meta property="og:type" content="{{ogType}}">
            {{#feedURL}}<link rel="alternate" type="application/rss+xml" title="{{feedTitle}}" href="{{feedURL}}">{{/feedURL}}</head>
            <body>
            {{#site.banner}}<p>{{title}}</p>{{/site.banner}}<p>{{site.tagline}}</p>
            <nav>{{#menu}}<a href="{{url}}"{{#isCurrent}} aria-current="page"{{/isCurrent}}>{{title}}</a>{{/menu}}</nav>
            <nav aria-label="breadcrumbs">{{#breadcrumbs}}<a href="{{url}}">{{title}}</a>{{/breadcrumbs}}</nav>
            <main>
            {{$main}}{{/main}}
            </main>
            <footer>{{site.agency.name}}{{#site.links}} <a href="{{url}}"{{#isExternal}} rel="external"{{/isExternal}}>{{title}}</a>{{/site.links}}</footer>
            </body>
            </html>

            """,
        "partials/card": "<li><a href=\"{{url}}\">{{title}}</a> <time datetime=\"{{dateISO}}\">{{dateShort}}</time> {{categoryName}}{{#featured}} featured{{/featured}}{{#imageURL}} <img src=\"{{imageURL}}\" alt=\"{{imageAlt}}\"{{#imageLazy}} loading=\"lazy\"{{/imageLazy}}>{{/imageURL}}{{#summary}}<p>{{summary}}</p>{{/summary}}</li>\n",
        "partials/pages": """
            {{#pagination}}<nav aria-label="pages">{{current}}/{{total}} {{#previousURL}}<a rel="prev" href="{{previousURL}}">prev</a>{{/previousURL}}\
            {{#entries}}{{^isGap}}<a href="{{url}}">{{number}}</a>{{/isGap}}{{/entries}}\
            {{#nextURL}}<a rel="next" href="{{nextURL}}">next</a>{{/nextURL}}</nav>{{/pagination}}

            """,
        "home": """
            {{<base}}{{$main}}
            <ul class="featured">{{#featured}}{{> partials/card}}{{/featured}}</ul>
            <ul class="latest">{{#latest}}{{> partials/card}}{{/latest}}</ul>
            {{#pillars}}<section><h2><a href="{{url}}">{{name}}</a></h2><ul>{{#items}}{{> partials/card}}{{/items}}</ul></section>{{/pillars}}
            {{#indicators}}<p><a href="{{url}}">{{name}}</a>: {{valueText}}</p>{{/indicators}}
            {{/main}}{{/base}}
            """,
        "news-list": """
            {{<base}}{{$main}}
            <h1>{{heading}}</h1>
            <ul>{{#items}}{{> partials/card}}{{/items}}</ul>
            {{#isEmpty}}<p>empty</p>{{/isEmpty}}
            {{> partials/pages}}
            {{/main}}{{/base}}
            """,
        "news-item": """
            {{<base}}{{$main}}
            <article><h1>{{title}}</h1><time datetime="{{dateISO}}">{{dateLong}}</time> <p>{{dateWithWeekday}}</p>
            <a href="{{categoryURL}}">{{categoryName}}</a>
            {{#imageURL}}<img src="{{imageURL}}"{{#imageSrcset}} srcset="{{imageSrcset}}"{{/imageSrcset}}{{#imageWebpSrcset}} data-webp="{{imageWebpSrcset}}"{{/imageWebpSrcset}}{{#imageWidth}} width="{{imageWidth}}" height="{{imageHeight}}"{{/imageWidth}} alt="{{imageAlt}}">{{/imageURL}}
            {{{contentHTML}}}
            {{#author}}<p>{{author}}</p>{{/author}}{{#sourceLine}}<p>Nguồn: {{sourceLine}}</p>{{/sourceLine}}
            <ul class="tags">{{#tags}}<li><a href="{{url}}">{{title}}</a></li>{{/tags}}</ul>
            {{#newer}}<a rel="next" href="{{url}}">{{title}}</a>{{/newer}}{{#older}}<a rel="prev" href="{{url}}">{{title}}</a>{{/older}}
            <ul class="related">{{#related}}{{> partials/card}}{{/related}}</ul>
            </article>
            {{/main}}{{/base}}
            """,
        "page": "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n{{{contentHTML}}}\n{{/main}}{{/base}}",
        // A layout (`layout: contact` in a page's front matter): the page with the agency's details.
        "contact": "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n<address>{{site.agency.address}} {{site.agency.email}}</address>\n{{{contentHTML}}}\n{{/main}}{{/base}}",
        "tag-index": "{{<base}}{{$main}}\n<h1>{{heading}}</h1>\n<ul>{{#tags}}<li><a href=\"{{url}}\">{{name}}</a> {{count}}</li>{{/tags}}</ul>\n{{/main}}{{/base}}",
        "dashboard": """
            {{<base}}{{$main}}
            <a href="{{csvURL}}">csv</a>
            {{#groups}}<section id="nhom-{{id}}"><h2>{{name}}</h2>{{achieved}}/{{withData}}/{{total}}
            <ul>{{#indicators}}<li><a href="{{url}}">{{id}} {{name}}</a> value: {{valueText}}; target: {{targetText}}; status: {{statusText}} ({{statusSlug}}){{{bulletSVG}}}</li>{{/indicators}}</ul></section>{{/groups}}
            {{/main}}{{/base}}
            """,
        "indicator": """
            {{<base}}{{$main}}
            <h1>{{id}} {{name}}</h1><p>{{valueText}} {{periodText}} {{targetText}} {{statusText}}</p>
            {{{chartHTML}}}
            <table>{{#observations}}<tr><td>{{periodText}}</td><td>{{valueText}}</td><td>{{numeratorText}}</td><td>{{denominatorText}}</td><td>{{targetText}}</td><td>{{statusText}}</td></tr>{{/observations}}</table>
            <dl><dt>formula</dt><dd>{{formula}}</dd><dt>source</dt><dd>{{source}}</dd></dl>
            <ul class="notes">{{#notes}}<li>{{.}}</li>{{/notes}}</ul>
            <a href="{{csvURL}}">csv</a>
            {{/main}}{{/base}}
            """,
        "reports": "{{<base}}{{$main}}\n<ul>{{#reports}}<li><a href=\"{{url}}\">{{title}}</a> {{dateText}}</li>{{/reports}}</ul>\n{{/main}}{{/base}}",
        "report": """
            {{<base}}{{$main}}
            {{#issuer}}<p>{{.}}</p>{{/issuer}}<p>{{number}}</p><p>{{status}}</p>
            <p>{{kindUpper}}</p><h1>{{title}}</h1><p>{{placeAndDate}}</p>
            <ol class="toc">{{#toc}}<li><a href="#{{id}}">{{number}} {{text}}</a>{{#hasChildren}}<ol>{{#children}}<li><a href="#{{id}}">{{number}} {{text}}</a></li>{{/children}}</ol>{{/hasChildren}}</li>{{/toc}}</ol>
            {{{bodyHTML}}}
            <ul class="recipients">{{#recipients}}<li>{{.}}</li>{{/recipients}}</ul>
            {{#signer}}<p>{{onBehalf}} {{position}} {{name}}</p>{{/signer}}
            {{{appendixHTML}}}
            {{/main}}{{/base}}
            """,
        "documents": """
            {{<base}}{{$main}}
            <h1>{{heading}}</h1>
            <ul>{{#rows}}<li><a href="{{url}}">{{type}} {{number}}</a> <time datetime="{{issuedISO}}">{{issuedText}}</time> {{summary}}</li>{{/rows}}</ul>
            {{#types}}<a href="{{url}}"{{#isCurrent}} aria-current="page"{{/isCurrent}}>{{title}} {{count}}</a>{{/types}}{{#years}}<a href="{{url}}"{{#isCurrent}} aria-current="page"{{/isCurrent}}>{{title}} {{count}}</a>{{/years}}
            {{/main}}{{/base}}
            """,
        "document": """
            {{<base}}{{$main}}
            <h1>{{type}} {{number}}</h1><p>{{summary}}</p><p>{{issuedLong}}</p>
            <dl><dt>issuer</dt><dd>{{issuer}}</dd><dt>field</dt><dd>{{field}}</dd><dt>signer</dt><dd>{{signer}}</dd></dl>
            {{{bodyHTML}}}{{#attachmentURL}}<a href="{{attachmentURL}}">{{attachmentName}}</a>{{/attachmentURL}}
            {{/main}}{{/base}}
            """,
        "rankings": """
            {{<base}}{{$main}}
            {{#levels}}<section><h2><a href="{{url}}">{{name}}</a></h2> {{periodText}} units: {{unitCount}}{{{tableHTML}}}</section>{{/levels}}
            {{^hasLevels}}<p>no levels</p>{{/hasLevels}}
            {{#hasNational}}<table class="national">{{#national}}<tr><td>{{periodText}}</td><td>{{indexName}}{{#isOverall}} (overall){{/isOverall}}</td><td>{{rankText}}</td><td>{{scoreText}}</td><td>{{source}}</td><td>{{note}}</td></tr>{{/national}}</table>{{/hasNational}}
            {{{nationalChartHTML}}}
            <a href="{{feedURL}}">feed</a>
            {{/main}}{{/base}}
            """,
        "ranking-table": """
            {{<base}}{{$main}}
            <h1>{{levelName}} {{periodText}}</h1>
            {{#hasPeriods}}<ul class="periods">{{#periods}}<li><a href="{{url}}"{{#isCurrent}} aria-current="page"{{/isCurrent}}>{{title}}</a></li>{{/periods}}</ul>{{/hasPeriods}}
            <p class="pillars">{{#pillars}}{{name}}/{{maxText}};{{/pillars}} max {{maxTotalText}}</p>
            <ol class="rows">{{#rows}}<li>{{rank}} | {{unitName}} | {{unitURL}} | {{totalText}} | {{#scores}}{{.}};{{/scores}} | {{bandName}} | {{changeText}} ({{changeWords}}, {{changeSlug}})</li>{{/rows}}</ol>
            {{^hasRows}}<p>no rows</p>{{/hasRows}}
            {{{tableHTML}}}
            {{{chartHTML}}}
            {{{mapHTML}}}
            <a href="{{csvURL}}">csv</a> <a href="{{levelURL}}">level</a>
            {{/main}}{{/base}}
            """,
        "ranking-unit": """
            {{<base}}{{$main}}
            <h1>{{name}}</h1><p>{{levelName}} {{levelURL}} {{#parentName}}parent: <a href="{{parentURL}}">{{parentName}}</a>{{/parentName}}</p>
            {{#latest}}<p class="latest">{{periodText}} {{totalText}} {{rank}}/{{count}} {{bandName}}</p>{{/latest}}
            <ol class="history">{{#history}}<li><a href="{{periodURL}}">{{periodText}}</a> | {{totalText}} | {{rank}}/{{count}} | {{bandName}} | {{changeText}} {{changeWords}}</li>{{/history}}</ol>
            {{^hasHistory}}<p>no history</p>{{/hasHistory}}
            {{{rankChartHTML}}}
            {{{pillarChartHTML}}}
            {{/main}}{{/base}}
            """,
        "search": "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n{{/main}}{{/base}}",
        "404": "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n{{/main}}{{/base}}",
    ]
}
