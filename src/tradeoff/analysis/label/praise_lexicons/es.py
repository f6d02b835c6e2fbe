"""Spanish: the words praise is read by (``Lexicon`` says each role)."""

from tradeoff.analysis.label.praise_lexicons.lexicon import Lexicon

LEXICON = Lexicon(
    praise="""excelente, excelentes, excelentísimo, genial, geniales, increíble, increíbles,
    maravilloso, maravillosa, maravillosos, maravillosas, fantástico, fantástica,
    fantásticos, fantásticas, estupendo, estupenda, estupendos, estupendas, espectacular,
    espectaculares, magnífico, magnífica, magníficos, buenísimo, buenísima, buenísimos,
    buenísimas, perfecto, perfecta, perfectos, perfectas, impecable, impecables, fácil,
    fáciles, facilísimo, facilísima, sencillo, sencilla, sencillos, sencillas, intuitivo,
    intuitiva, intuitivos, intuitivas, práctico, práctica, prácticos, prácticas, útil,
    útiles, cómodo, cómoda, eficiente, eficientes, eficaz, eficaces, fiable, fiables,
    confiable, confiables, amable, amables, atento, atenta, atentos, atentas, servicial,
    serviciales, encantado, encantada, encantados, encantadas, contento, contenta,
    contentos, contentas, satisfecho, satisfecha, satisfechos, satisfechas, feliz, felices,
    me encanta, me encantan, me encantó, nos encanta, nos encantó, nos encantan, le encanta,
    les encanta,
    me gusta mucho, nos gusta mucho, recomiendo, recomendamos, recomendable,
    recomendadísimo, de maravilla, de lujo, de primera, un lujo, una maravilla,
    funciona bien, funcionan bien, funcionó bien, funciona muy bien, funciona perfecto,
    funciona perfectamente, va bien, anda bien, muy bien, lo mejor, el mejor, la mejor,
    los mejores, las mejores, muy bueno, muy buena, muy buenos, muy buenas,
    sin complicaciones, fluido, fluida""",
    manner="""rápido, rápida, rápidos, rápidas, rápidamente, rapidísimo, rapidísima, veloz,
    ágil, ágiles, enseguida, en seguida, al instante, de inmediato, inmediatamente,
    al momento, sin demora, en minutos, en pocos minutos, eficientemente, fácilmente""",
    manner_adjectives="rápido rápida rapidísimo rapidísima veloz ágil",
    idioms="""sin problemas, sin ningún problema, ningún problema, cero problemas, sin quejas,
    ninguna queja, sin inconvenientes, ningún inconveniente, nunca falla, nunca ha fallado,
    nunca nos ha fallado, nunca me ha fallado, no podría estar más contento,
    no podría estar más contenta, no podríamos estar más contentos, cinco estrellas,
    5 estrellas, diez de diez, 10 de 10, mil gracias, muchísimas gracias,
    gracias por resolver, gracias por resolverlo, gracias por solucionar,
    gracias por solucionarlo, gracias por arreglar, gracias por arreglarlo,
    gracias por la solución, gracias por el arreglo, muy agradecido, muy agradecida,
    muy agradecidos, sigan así, sigue así, buen trabajo, excelente trabajo, gran trabajo,
    felicitaciones, felicidades, enhorabuena""",
    not_praise="""buenos días, buenas tardes, buenas noches, buen día, feliz día, feliz semana,
    feliz fin de semana, feliz año, feliz navidad, felices fiestas, feliz año nuevo,
    que tenga un excelente día, que tengan un excelente día, que tenga un buen día,
    que tengan un buen día, excelente día, excelente semana, excelente fin de semana,
    lindo día, un gusto, mucho gusto, un placer, con gusto, encantado de saludarle,
    encantada de saludarle, encantado de saludarles, encantada de saludarles,
    encantado de conocerle, quedo atento, quedo atenta, quedamos atentos, quedamos atentas,
    quedo muy atento, quedo muy atenta, lo más rápido posible, lo más pronto posible,
    lo antes posible, lo más rápido que puedan, a la mayor brevedad, pregunta rápida,
    consulta rápida, respuesta rápida, rápida respuesta, pronta respuesta, por eso,
    es por eso, mil gracias de antemano, muchas gracias de antemano,
    muchísimas gracias de antemano, gracias de antemano, gracias por adelantado,
    feliz de ayudar, atento a, atenta a, atentos a, atentas a, no solo, no sólo""",
    negators="""no nunca jamás tampoco ni sin nada nadie ningún ninguno ninguna apenas""",
    requests="""necesito necesitamos necesita necesitan quiero queremos quisiera quisiéramos
    favor urge urgente urgentemente importante imprescindible esencial debe deben solicito
    solicitamos pido pedimos espero esperamos ojalá requiero requerimos porfa xfa pls""",
    wishes="""si pensé pensaba creí creía supuestamente esperaba esperábamos parece parecía
    suponía debería deberían""",
    conditional_endings="ría rían ríamos",
    not_conditional="""categoría categorías mayoría tesorería asesoría consultoría auditoría
    batería baterías librería galería lotería mensajería cafetería secretaría secretarías
    ingeniería alegría avería teoría minoría tubería ferretería papelería panadería
    peluquería guardería hotelería tontería mercadería telemetría maestría""",
    orders="""arreglen solucionen revisen corrijan envíen manden agreguen añadan hagan den
    dejen habiliten activen cambien pongan permitan incluyan respondan contesten
    resuelvan ayúdenme ayúdennos arregla soluciona revisa corrige agrega añade haz""",
    making="""agregar añadir incluir habilitar permitir implementar hacer corregir arreglar
    solucionar activar crear""",
    please="por favor, favor de",
    request_phrases="""me gustaría, nos gustaría, sería bueno, sería genial, sería ideal,
    sería útil, estaría bien, solicitud de función, solicitud de mejora,
    propuesta de mejora, sugerencia, sugerencias, sugiero, sugerimos, propongo, proponemos""",
    complaint_asks="""por qué, porqué, cómo es posible, qué pasa, qué pasó,
    qué está pasando, qué sucede, qué ocurre""",
    question_openers="""qué, cómo, cuándo, dónde, cuál, cuáles, cuánto, cuánta, cuántos,
    quién, por qué, es posible, se puede""",
    contrasts="""pero, sin embargo, aunque, excepto, salvo, lamentablemente,
    desafortunadamente, desgraciadamente, por desgracia, no obstante""",
    turns="hasta que, de repente, de pronto",
    wish_openers="ojalá, si tan solo, si solo",
    problems="""error errores erróneo errónea erróneos falla fallan falló fallo fallos fallando
    fallido fallida fallidos fallidas fallar problema problemas incorrecto incorrecta
    incorrectos incorrectas equivocado equivocada mal lento lenta lentos lentas lentitud
    lentísimo tarda tardan tardó tardaron tardando demora demoran demoró retraso retrasos
    retrasado retrasada atrasado atrasada bloqueado bloqueada bloquea bloqueó caído caída
    colgado colgada imposible difícil difíciles complicado complicada complicados confuso
    confusa molesto molesta molestia frustrante frustrado frustrada decepcionado
    decepcionada decepcionante pésimo pésima horrible horribles terrible terribles fatal
    malísimo malísima inútil inútiles duplicado duplicada duplicados duplicadas falta
    faltan faltaba faltaban faltante faltantes pendiente pendientes rechazado rechazada
    rechazados rechazadas rechaza rechazó rechazan atascado atascada perdido perdida
    perdidos perdí perdimos desaparece desapareció desaparecen queja quejas reclamo
    reclamos bug bugs crash desastre inaceptable ridículo lamentable peor empeoró
    inestable vencido caducado desactualizado desactualizada inválido inválida inválidos""",
    problem_phrases="""dejó de, dejaron de, deja de, dejan de, se cae, se cayó, se colgó,
    se cuelga, se traba, se trabó, se bloquea, se bloqueó, se cierra sola, se cierra solo,
    se cerró, tarda mucho, tarda demasiado, cada vez peor, sigue sin, siguen sin,
    no cuadra, no cuadran""",
    functions="""funciona funcionan funcionó funcionaba funcionar sirve sirven sirvió carga
    cargan cargó cargar llega llegan llegó llegaron llegar aparece aparecen apareció
    aparecer muestra muestran mostró abre abren abrió abrir guarda guardan guardó guardar
    sincroniza sincronizan sincronizó sincronizar envía envían envió enviar conecta
    conectan conectó conectar permite permiten permitió puedo podemos puede pueden
    responde responden respondió responder actualiza actualizan actualizó calcula
    calculan calculó descarga descargan descargó genera generan generó recibo recibimos
    recibí recibe reciben acepta aceptan aceptó posible cuadra cuadran está están estaba
    funcionando cargando coincide coinciden""",
    relief="tener tenemos tengo tienen necesitamos necesito hace hay",
    resolved="""resolvieron resolvió resuelto resuelta resueltos solucionaron solucionó
    solucionado solucionada arreglaron arregló arreglado arreglada corrigieron corrigió
    corregido corregida""",
    habits="""normalmente, usualmente, generalmente, habitualmente, anteriormente,
    por lo general, en el pasado, el mes pasado, el año pasado, hace un año,
    hace unos meses, solía, solían, antes funcionaba, antes era""",
    before="antes",
    before_time="de del que",
    changes="""actualización actualizaciones versión cambio cambios migración""",
    hedges="casi bastante relativamente medianamente razonablemente",
    preambles="""en general, en líneas generales, en términos generales, en resumen,
    en conjunto, la mayoría de las cosas, casi todo, la mayor parte, primero que nada,
    antes que nada, ante todo, en primer lugar, para empezar, antes de nada""",
    elsewhere="""internet red wifi conexión computadora ordenador portátil otros otras demás
    resto""",
    places="en con desde por que incluso aun comparado",
    addressee="usted ustedes tú vos vosotros vosotras contigo",
    reports="""es son fue fueron era eran está están estuvo estuvieron sido funciona funcionan
    funcionó va van anda andan carga cargan cargó llega llegan llegó llegaron responde
    responden respondió respondieron contesta contestan contestó contestaron resuelve
    resuelven resolvió resolvieron atiende atienden atendió atendieron sincroniza
    sincronizó procesa procesó abre abrió actualiza actualizó""",
    past_endings="ó ió aron ieron",
    not_reports="para que si puede pueden necesito necesitamos debe deben quiero ojalá",
    intensifiers="muy súper super bien tan realmente increíblemente sumamente extremadamente re",
    willing="encantado encantada encantados encantadas feliz felices contento contentos",
    willing_link="de",
    perceive="ver saber leer escuchar oír informar decir comunicar confirmar ser estar tener",
    general="""aplicación aplicaciones app apps aplicativo producto productos herramienta
    herramientas plataforma sistema software programa solución todo experiencia empresa
    versión cosa cosas función funciones funcionalidad funcionalidades""",
    courtesy="""gracias muchas muchísimas mil saludos saludo hola equipo chicos todos ok vale
    sí estrellas estrella cinco diez nota puntos estimados estimado estimada""",
    people="""empleados empleadas trabajadores colaboradores usuarios clientes personal gente
    nosotros""",
    attachments="""adjunto adjunta adjuntos adjuntas adjuntamos adjunté captura capturas
    pantalla pantallazo imagen imágenes""",
    conditionals="""sería serías seríamos seríais serían estaría estarías estaríamos estaríais
    estarían tendría tendrías tendríamos tendríais tendrían habría habrías habríamos
    habríais habrían quedaría quedaríamos quedarían haría haríamos harían iría iríamos
    irían daría daríamos darían vería veríamos verían diría diríamos dirían""",
)
