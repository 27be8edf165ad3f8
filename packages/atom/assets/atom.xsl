<?xml version="1.0" encoding="utf-8"?>
<!-- Shown by browsers that open atom.xml: a readable page instead of raw XML. Feed readers ignore it. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8" indent="yes"/>
  <xsl:template match="/atom:feed">
    <html lang="{@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> (Atom feed)</title>
        <style>
          body { font: 1rem/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
          .about { background: #e8f4fd; border: 1px solid #9cc9ee; padding: .75rem 1rem; border-radius: .25rem; }
          article { border-top: 1px solid #ddd; padding: 1rem 0; }
          h2 { font-size: 1.2rem; margin: 0 0 .25rem; }
          .meta { color: #555; font-size: .9rem; }
        </style>
      </head>
      <body>
        <p class="about">This is an Atom feed. Copy its address into a feed reader to follow
          <strong><xsl:value-of select="atom:title"/></strong>.</p>
        <h1><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h1>
        <p><xsl:value-of select="atom:subtitle"/></p>
        <xsl:for-each select="atom:entry">
          <article lang="{@xml:lang}">
            <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
            <p class="meta">
              <xsl:value-of select="atom:published"/>
              <xsl:for-each select="atom:author"> · <xsl:value-of select="atom:name"/></xsl:for-each>
            </p>
            <p><xsl:value-of select="atom:summary"/></p>
          </article>
        </xsl:for-each>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
