v = f'''abc{ x}'''
