"""Publishing: what readers see, made from the processed data and the notebooks.

- ``style``: the house style of figures (fonts, colours, bilingual labels);
- ``export``: a figure at a journal width as reproducible PDF, SVG and PNG files;
- ``figure_manifest``: the record of every saved figure file (caption, sources, sha256);
- ``figures``: the registry of the project's figures, one drawing module per notebook theme;
- ``notebooks``: executing the notebooks in fresh kernels;
- ``handouts``: the student versions of the exercise notebooks and the student workspace;
- ``site``: the offline HTML site.
"""
