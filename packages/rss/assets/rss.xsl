<?xml version="1.0" encoding="utf-8"?>
<!-- Shown by browsers that open feed.xml: a readable page instead of raw XML. Feed readers ignore it. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <xsl:output method="html" encoding="utf-8" indent="yes"/>
  <xsl:template match="/rss/channel">
    <html lang="{language}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="title"/> (RSS feed)</title>
        <style>
          body { font: 1rem/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
          .about { background: #fff8e1; border: 1px solid #f0d890; padding: .75rem 1rem; border-radius: .25rem; }
          article { border-top: 1px solid #ddd; padding: 1rem 0; }
          h2 { font-size: 1.2rem; margin: 0 0 .25rem; }
          .meta { color: #555; font-size: .9rem; }
        </style>
      </head>
      <body>
        <p class="about">This is an RSS feed. Copy its address into a feed reader to follow
          <strong><xsl:value-of select="title"/></strong>.</p>
        <h1><a href="{link}"><xsl:value-of select="title"/></a></h1>
        <p><xsl:value-of select="description"/></p>
        <xsl:for-each select="item">
          <article>
            <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
            <p class="meta">
              <xsl:value-of select="pubDate"/>
              <xsl:for-each select="dc:creator"> · <xsl:value-of select="."/></xsl:for-each>
            </p>
            <p><xsl:value-of select="description"/></p>
          </article>
        </xsl:for-each>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
