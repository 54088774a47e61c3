-- Each shop's name on Japanese pages. A shop added without one carries its English name here
-- (the service fills it in); the seed shops get their Japanese names.
ALTER TABLE shop ADD COLUMN name_ja TEXT;

UPDATE shop SET name_ja = CASE shop_id
    WHEN 'tokyo-shinjuku-west'    THEN '新宿西口店'
    WHEN 'tokyo-ikebukuro-east'   THEN '池袋東口店'
    WHEN 'osaka-umeda'            THEN '梅田店'
    WHEN 'osaka-namba'            THEN 'なんば店'
    WHEN 'hokkaido-sapporo-odori' THEN '札幌大通店'
    WHEN 'fukuoka-tenjin'         THEN '天神店'
    WHEN 'aichi-nagoya-sakae'     THEN '名古屋栄店'
    WHEN 'kanagawa-yokohama'      THEN '横浜駅西口店'
    ELSE name
END;

ALTER TABLE shop ALTER COLUMN name_ja SET NOT NULL;
